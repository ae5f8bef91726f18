import { Injectable } from '@nestjs/common';
import { groupKeyOf, type GroupType } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { DomainError } from '@cohort/errors';
import { GroupsClient } from '../peers/groups.client';
import { ModerationClient } from '../peers/moderation.client';
import { MemberRepository } from './member.repository';
import { assertCanRead, roleOf, type GroupContext } from './membership.policy';

/** A group as a command names it: its id, and the kind the route expects (absent: any). */
export interface GroupTarget {
  groupId: string;
  groupType?: GroupType;
}

/** Loads what every rule needs: the active group and the members the call names, in parallel. */
@Injectable()
export class GroupContextLoader {
  constructor(
    private readonly groups: GroupsClient,
    private readonly members: MemberRepository,
    private readonly moderation: ModerationClient,
  ) {}

  /**
   * `target`: the group id, or the command naming it (with the kind its route expects, if any);
   * `userIds`: the users the call acts on, looked up with the caller in one command.
   */
  async load(ctx: RequestContext, target: string | GroupTarget, userIds: string[] = []): Promise<GroupContext> {
    const { groupId, groupType } = typeof target === 'string' ? { groupId: target, groupType: undefined } : target;
    const key = groupKeyOf(ctx, groupId);
    const callerId = ctx.caller.userId;
    const ids = callerId ? [callerId, ...userIds] : userIds;
    const [group, members] = await Promise.all([this.groups.state(ctx, groupId), this.members.findMany(key, ids)]);
    if (groupType && group.type !== groupType) throw new DomainError('group_not_found', `${groupType} ${groupId} does not exist`);
    return { key, group, callerId, members, role: roleOf(ctx.caller, callerId ? members.get(callerId) : undefined) };
  }

  /**
   * Loads a group the caller may read: members read any group; anyone in the app reads chatrooms
   * and public groups, except users on its blocklist (asked of moderation only for such outsiders).
   */
  async loadReadable(ctx: RequestContext, target: string | GroupTarget, userIds: string[] = []): Promise<GroupContext> {
    const gc = await this.load(ctx, target, userIds);
    assertCanRead(gc);
    if (gc.role === null && gc.callerId && (await this.moderation.blockedAmong(ctx, gc.group.groupId, [gc.callerId])).size > 0) {
      throw new DomainError('blocked', `caller is blocked in group ${gc.group.groupId}`);
    }
    return gc;
  }
}
