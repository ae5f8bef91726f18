import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { NUMERIC_ID_PATTERN } from '@cohort/contracts';
import { SafeIntegerAsString } from '../../../http/safe-integer-as-string';

// int64 ids arrive as JSON numbers or numeric strings; internally they are decimal strings.

const INT64_USER_ID = /^[0-9]{1,19}$/;

export function GroupIdField(description = 'Group id'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description }),
    SafeIntegerAsString(0),
    Matches(NUMERIC_ID_PATTERN, { message: 'must be a group id (int64)' }),
  );
}

export function GroupIdListField(max: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description }),
    SafeIntegerAsString(0, { each: true }),
    IsArray(),
    ArrayMaxSize(max, { message: `must contain at most ${max} ids` }),
    Matches(NUMERIC_ID_PATTERN, { each: true, message: 'must contain group ids (int64)' }),
  );
}

export function UserIdField(description: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ description }), SafeIntegerAsString(0), Matches(INT64_USER_ID, { message: 'must be a user id (int64)' }));
}

export function UserIdListField(max: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description }),
    SafeIntegerAsString(0, { each: true }),
    IsArray(),
    ArrayMaxSize(max, { message: `must contain at most ${max} ids` }),
    Matches(INT64_USER_ID, { each: true, message: 'must contain user ids (int64)' }),
  );
}
