import {
  AUDIT_ACTION_TYPES,
  AUDIT_PAGE_MAX,
  type AuditActorKind,
  type EventType,
  GROUP_ID_PATTERN,
  GROUP_SEARCH_PAGE_MAX,
  type GroupType,
  Limits,
  USER_ID_PATTERN,
} from '@cohort/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Anything but a decimal integer stays a string, to be refused. */
const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?[0-9]{1,16}$/.test(value) ? Number(value) : value;

const IntegerQuery = (min: number, max: number, description: string, defaultValue?: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, default: defaultValue, description }),
    Transform(toInteger),
    IsOptional(),
    Min(min, { message: `must be an integer from ${min} to ${max}` }),
    Max(max, { message: `must be an integer from ${min} to ${max}` }),
    IsInt({ message: `must be an integer from ${min} to ${max}` }),
  );

const UserIdQuery = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, pattern: USER_ID_PATTERN.source }),
    IsOptional(),
    Matches(USER_ID_PATTERN, { message: 'must be a user id' }),
  );

function Paged(max: number, defaultLimit: number) {
  class PagedQuery {
    @ApiPropertyOptional({
      description: 'Opaque position from the previous page (`cursor` of its answer); absent: the first page',
    })
    @IsOptional()
    @IsString()
    @MaxLength(1024)
    cursor?: string;

    @IntegerQuery(1, max, 'Page size', defaultLimit)
    limit?: number;
  }
  return PagedQuery;
}

/** GET /admin/v1/groups */
export class AdminGroupSearchQuery extends Paged(GROUP_SEARCH_PAGE_MAX, 20) {
  @ApiPropertyOptional({ description: 'Exactly this group id', pattern: GROUP_ID_PATTERN.source })
  @IsOptional()
  @Matches(GROUP_ID_PATTERN, { message: 'must be a group id (decimal digits or a UUID)' })
  id?: string;

  @ApiPropertyOptional({
    description: 'Groups whose name contains this (case-insensitive)',
    maxLength: Limits.groupName,
  })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.groupName)
  name?: string;

  @UserIdQuery('Groups owned by this user')
  owner?: string;

  @ApiPropertyOptional({ enum: ['group', 'chatroom'], description: 'Only groups or only chatrooms' })
  @IsOptional()
  @IsIn(['group', 'chatroom'], { message: 'must be group or chatroom' })
  kind?: GroupType;
}

/** A group's lists (members, mutes, blocklist, allowlist, announcements, files). */
export class AdminGroupListQuery extends Paged(Limits.memberPageMax, 50) {}

/** GET /admin/v1/audit */
export class AdminAuditQuery extends Paged(AUDIT_PAGE_MAX, 50) {
  @ApiPropertyOptional({ description: 'Changes of this group', pattern: GROUP_ID_PATTERN.source })
  @IsOptional()
  @Matches(GROUP_ID_PATTERN, { message: 'must be a group id (decimal digits or a UUID)' })
  groupId?: string;

  @UserIdQuery('Changes made by this user (or by the app admin acting as this user)')
  actor?: string;

  @ApiPropertyOptional({
    enum: ['user', 'app_admin', 'system'],
    description: 'Changes made by users, by the app admin, or by Cohort itself',
  })
  @IsOptional()
  @IsIn(['user', 'app_admin', 'system'], { message: 'must be user, app_admin or system' })
  actorKind?: AuditActorKind;

  @UserIdQuery('Changes about this user')
  target?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTION_TYPES, description: 'The event type' })
  @IsOptional()
  @IsIn(AUDIT_ACTION_TYPES, { message: 'must be an event type (member.muted, group.destroyed …)' })
  action?: EventType;

  @IntegerQuery(0, 8.64e15, 'From this time (ms since epoch, inclusive)')
  from?: number;

  @IntegerQuery(0, 8.64e15, 'Until this time (ms since epoch, exclusive)')
  to?: number;
}
