import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { NUMERIC_ID_PATTERN } from '@cohort/contracts';

/** int64 ids arrive as JSON numbers or numeric strings; internally they are decimal strings. */
const toIdString = (value: unknown): unknown =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;

const INT64_USER_ID = /^[0-9]{1,19}$/;

export function GroupIdField(description = 'Group id'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'integer', format: 'int64', description }),
    Transform(({ value }) => toIdString(value)),
    Matches(NUMERIC_ID_PATTERN, { message: 'must be a group id (int64)' }),
  );
}

export function GroupIdListField(max: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'integer', format: 'int64', isArray: true, description, maxItems: max }),
    Transform(({ value }) => (Array.isArray(value) ? value.map(toIdString) : value)),
    IsArray(),
    ArrayMaxSize(max, { message: `must contain at most ${max} ids` }),
    Matches(NUMERIC_ID_PATTERN, { each: true, message: 'must contain group ids (int64)' }),
  );
}

export function UserIdListField(max: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'integer', format: 'int64', isArray: true, description, maxItems: max }),
    Transform(({ value }) => (Array.isArray(value) ? value.map(toIdString) : value)),
    IsArray(),
    ArrayMaxSize(max, { message: `must contain at most ${max} ids` }),
    Matches(INT64_USER_ID, { each: true, message: 'must contain user ids (int64)' }),
  );
}
