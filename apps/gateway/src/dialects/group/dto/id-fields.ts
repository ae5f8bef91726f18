import { GROUP_ID_PATTERN, NUMERIC_ID_PATTERN } from '@cohort/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, Matches } from 'class-validator';

import { SafeIntegerAsString } from '../../../http/safe-integer-as-string';

// int64 ids arrive as JSON numbers or numeric strings; internally they are decimal strings. A group
// made through the Mixin dialect keeps its UUID, which this dialect reads and answers as a string.

const IDS = {
  group: {
    pattern: GROUP_ID_PATTERN,
    what: 'a group id (int64, or a Mixin conversation UUID)',
    many: 'group ids (int64, or Mixin conversation UUIDs)',
  },
  user: { pattern: NUMERIC_ID_PATTERN, what: 'a user id (int64)', many: 'user ids (int64)' },
  announcement: { pattern: NUMERIC_ID_PATTERN, what: 'an announcement id (int64)', many: 'announcement ids (int64)' },
  file: { pattern: NUMERIC_ID_PATTERN, what: 'a file id (int64)', many: 'file ids (int64)' },
} as const;

type IdKind = keyof typeof IDS;

function IdField(kind: IdKind, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description }),
    SafeIntegerAsString(0),
    Matches(IDS[kind].pattern, { message: `must be ${IDS[kind].what}` }),
  );
}

function IdListField(kind: IdKind, max: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description }),
    SafeIntegerAsString(0, { each: true }),
    IsArray(),
    ArrayMaxSize(max, { message: `must contain at most ${max} ids` }),
    Matches(IDS[kind].pattern, { each: true, message: `must contain ${IDS[kind].many}` }),
  );
}

export const GroupIdField = (description = 'Group id'): PropertyDecorator => IdField('group', description);

export const GroupIdListField = (max: number, description: string): PropertyDecorator =>
  IdListField('group', max, description);

export const UserIdField = (description: string): PropertyDecorator => IdField('user', description);

export const UserIdListField = (max: number, description: string): PropertyDecorator =>
  IdListField('user', max, description);

export const ContentIdField = (kind: 'announcement' | 'file'): PropertyDecorator => IdField(kind, `The ${kind} id`);

export const FileIdListField = (max: number, description: string): PropertyDecorator =>
  IdListField('file', max, description);
