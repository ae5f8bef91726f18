import { Injectable } from '@nestjs/common';
import { GroupCommands, groupKeyOf, MembershipCommands, ModerationCommands, type GroupKey, type GroupType, type GroupView, type MemberRole } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';
import { DomainError } from '@cohort/errors';

/** A group as the rules of a service that does not own members see it: the record, the caller's role, the named users' roles. */
export interface GroupAccess {
  key: GroupKey;
  group: GroupView;
  /** null: not a member. An app admin without a user acts as the owner. */
  callerRole: MemberRole | null;
  /** Roles of the named users who are members. */
  roles: Map<string, MemberRole>;
}

/** A group as a command names it, with the kind its route expects (absent: any). */
export interface GroupTarget {
  groupId: string;
  groupType?: GroupType;
}

/**
 * Loads a group and the roles its rules need, from their owners (groups: the active group;
 * membership: roles), in parallel: two services, one round trip of latency. For moderation,
 * content and room metadata, which keep no copy of either.
 */
@Injectable()
export class GroupAccessLoader {
  constructor(private readonly bus: BusClient) {}

  /** `group_not_found` when missing, dissolved, or not of the kind the route names. */
  async load(ctx: RequestContext, { groupId, groupType }: GroupTarget, userIds: string[] = []): Promise<GroupAccess> {
    const callerId = ctx.caller.userId;
    const named = [...new Set(callerId ? [callerId, ...userIds] : userIds)];
    const [group, roles] = await Promise.all([
      this.bus.send(GroupCommands.state, ctx, groupType ? { groupId, groupType } : { groupId }),
      named.length ? this.bus.send(MembershipCommands.rolesOf, ctx, { groupId, userIds: named }) : Promise.resolve<Record<string, MemberRole>>({}),
    ]);
    const roleMap = new Map<string, MemberRole>(Object.entries(roles));
    const callerRole: MemberRole | null = ctx.caller.isAppAdmin && callerId === null ? 'owner' : callerId ? (roleMap.get(callerId) ?? null) : null;
    return { key: groupKeyOf(ctx, groupId), group, callerRole, roles: roleMap };
  }

  /**
   * Loads a group the caller may read: members read any group; anyone in the app reads chatrooms
   * and public groups, except users on its blocklist (asked only of such outsiders).
   */
  async loadReadable(ctx: RequestContext, target: GroupTarget): Promise<GroupAccess> {
    const access = await this.load(ctx, target);
    assertCanRead(access);
    const callerId = ctx.caller.userId;
    if (access.callerRole === null && callerId) {
      const blocked = await this.bus.send(ModerationCommands.blockedAmong, ctx, { groupId: target.groupId, userIds: [callerId] });
      if (blocked.length > 0) throw blockedReader(target.groupId);
    }
    return access;
  }
}

export function blockedReader(groupId: string): DomainError {
  return new DomainError('blocked', `caller is blocked in group ${groupId}`);
}

export function notMember(groupId: string): DomainError {
  return new DomainError('not_member', `caller is not a member of group ${groupId}`);
}

export const isAdminRole = (role: MemberRole | null): boolean => role === 'owner' || role === 'admin';

/** Members only (an outsider is refused as not a member). */
export function assertMember(access: GroupAccess): void {
  if (!access.callerRole) throw notMember(access.group.groupId);
}

/** Owner and admins; a member is refused, and so is an outsider (as not a member). */
export function assertAdmin(access: GroupAccess, what: string): void {
  assertMember(access);
  if (!isAdminRole(access.callerRole)) throw new DomainError('forbidden', `only the owner and admins may ${what}`);
}

/** Members read any group; anyone in the app reads chatrooms and public groups (the blocklist aside: see loadReadable). */
export function assertCanRead(access: GroupAccess): void {
  if (!access.callerRole && access.group.type !== 'chatroom' && !access.group.public) throw notMember(access.group.groupId);
}
