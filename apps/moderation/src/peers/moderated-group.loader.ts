import { Injectable } from '@nestjs/common';
import { groupKeyOf, type GroupKey, type GroupType, type GroupView, type MemberRole } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { DomainError } from '@cohort/errors';
import { GroupsClient } from './groups.client';
import { MembershipClient } from './membership.client';

/** A group as moderation's rules see it: the record, the caller's role, the named users' roles. */
export interface ModeratedGroupContext {
  key: GroupKey;
  group: GroupView;
  /** null: not a member. An app admin without a user acts as the owner. */
  callerRole: MemberRole | null;
  /** Roles of the named users who are members. */
  roles: Map<string, MemberRole>;
}

/** Loads the group and the roles in parallel (two services, one round trip of latency). */
@Injectable()
export class ModeratedGroupLoader {
  constructor(
    private readonly groups: GroupsClient,
    private readonly membership: MembershipClient,
  ) {}

  async load(ctx: RequestContext, target: { groupId: string; groupType?: GroupType }, userIds: string[] = []): Promise<ModeratedGroupContext> {
    const callerId = ctx.caller.userId;
    const [group, roles] = await Promise.all([
      this.groups.state(ctx, target),
      this.membership.rolesOf(ctx, target.groupId, callerId ? [callerId, ...userIds] : userIds),
    ]);
    const callerRole = ctx.caller.isAppAdmin && callerId === null ? 'owner' : callerId ? (roles.get(callerId) ?? null) : null;
    return { key: groupKeyOf(ctx, target.groupId), group, callerRole, roles };
  }
}

/** Admins moderate; a member is refused, and so is an outsider (as not a member). */
export function assertModerator(gc: ModeratedGroupContext, what: string): void {
  if (!gc.callerRole) throw new DomainError('not_member', `caller is not a member of group ${gc.group.groupId}`);
  if (gc.callerRole === 'member') throw new DomainError('forbidden', `only the owner and admins may ${what}`);
}

/** Members read moderation lists of any group; anyone in the app those of chatrooms and public groups. */
export function assertCanRead(gc: ModeratedGroupContext): void {
  if (!gc.callerRole && gc.group.type !== 'chatroom' && !gc.group.public) {
    throw new DomainError('not_member', `caller is not a member of group ${gc.group.groupId}`);
  }
}
