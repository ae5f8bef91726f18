import { Injectable } from '@nestjs/common';
import { groupKeyOf } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { GroupsClient } from '../peers/groups.client';
import { MemberRepository } from './member.repository';
import { roleOf, type GroupContext } from './membership.policy';

/** Loads what every rule needs: the active group and the members the call names, in parallel. */
@Injectable()
export class GroupContextLoader {
  constructor(
    private readonly groups: GroupsClient,
    private readonly members: MemberRepository,
  ) {}

  /** `userIds`: the users the call acts on, looked up with the caller in one command. */
  async load(ctx: RequestContext, groupId: string, userIds: string[] = []): Promise<GroupContext> {
    const key = groupKeyOf(ctx, groupId);
    const callerId = ctx.caller.userId;
    const ids = callerId ? [callerId, ...userIds] : userIds;
    const [group, members] = await Promise.all([this.groups.state(ctx, groupId), this.members.findMany(key, ids)]);
    return { key, group, callerId, members, role: roleOf(ctx.caller, callerId ? members.get(callerId) : undefined) };
  }
}
