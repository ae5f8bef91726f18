import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { NUMERIC_ID_PATTERN } from '@cohort/contracts';
import { SafeIntegerAsString } from '../../../http/safe-integer-as-string';

// int64 ids arrive as JSON numbers or numeric strings; internally they are decimal strings.

const INT64_USER_ID = /^[0-9]{1,19}$/;

/** One int64 id of a `noun` (`group id`), as a JSON number or a numeric string. */
function Int64IdField(pattern: RegExp, noun: string, description: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ description }), SafeIntegerAsString(0), Matches(pattern, { message: `must be a ${noun} (int64)` }));
}

/** A list of at most `max` int64 ids of `noun`s. */
function Int64IdListField(pattern: RegExp, noun: string, max: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description }),
    SafeIntegerAsString(0, { each: true }),
    IsArray(),
    ArrayMaxSize(max, { message: `must contain at most ${max} ids` }),
    Matches(pattern, { each: true, message: `must contain ${noun}s (int64)` }),
  );
}

export const GroupIdField = (description = 'Group id'): PropertyDecorator => Int64IdField(NUMERIC_ID_PATTERN, 'group id', description);

export const GroupIdListField = (max: number, description: string): PropertyDecorator => Int64IdListField(NUMERIC_ID_PATTERN, 'group id', max, description);

export const UserIdField = (description: string): PropertyDecorator => Int64IdField(INT64_USER_ID, 'user id', description);

export const UserIdListField = (max: number, description: string): PropertyDecorator => Int64IdListField(INT64_USER_ID, 'user id', max, description);

/** An announcement's or a file's id. */
export const ContentIdField = (noun: 'announcement id' | 'file id'): PropertyDecorator => Int64IdField(NUMERIC_ID_PATTERN, noun, `The ${noun}`);

export const FileIdListField = (max: number, description: string): PropertyDecorator => Int64IdListField(NUMERIC_ID_PATTERN, 'file id', max, description);
