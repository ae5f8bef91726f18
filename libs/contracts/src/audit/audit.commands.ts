import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { Paged } from '../common/paging';
import { declareCommand, replyType } from '../declare';
import type { EventType } from '../events';
import { EmptyCommand } from '../health/health.commands';
import { IsGroupId, IsUserId } from '../ids';
import {
  AUDIT_ACTION_TYPES,
  AUDIT_ACTOR_KINDS,
  type AuditActorKind,
  type AuditPage,
  type AuditStatsView,
} from './audit.types';

/** The largest page of the audit log. */
export const AUDIT_PAGE_MAX = 1000;
const MAX_TIME = 8.64e15;

/** The audit log of the caller's app, newest first, keyset-paged; every filter optional, all of them hold together. */
export class ListAuditCommand extends Paged(AUDIT_PAGE_MAX) {
  @IsOptional()
  @IsGroupId()
  groupId?: string;

  /** The acting user (a user, or the user an app admin acted as). */
  @IsOptional()
  @IsUserId()
  actorId?: string;

  @IsOptional()
  @IsIn(AUDIT_ACTOR_KINDS)
  actorKind?: AuditActorKind;

  /** A user the change was about. */
  @IsOptional()
  @IsUserId()
  targetUserId?: string;

  @IsOptional()
  @IsIn(AUDIT_ACTION_TYPES, { message: `$property must be one of ${AUDIT_ACTION_TYPES.join(', ')}` })
  action?: EventType;

  /** ms since epoch, inclusive. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TIME)
  from?: number;

  /** ms since epoch, exclusive. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TIME)
  to?: number;
}

/** App admins only. */
export const AuditCommands = {
  list: declareCommand('audit.entries.list', ListAuditCommand, replyType<AuditPage>()),
  stats: declareCommand('audit.entries.stats', EmptyCommand, replyType<AuditStatsView>()),
};
