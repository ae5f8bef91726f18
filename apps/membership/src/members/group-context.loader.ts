import type { RequestContext } from '@cohort/bus';
import { groupKeyOf } from '@cohort/contracts';
import { assertCanRead, type GroupTarget, PeerFacts, roleOf } from '@cohort/group-access';
import { Injectable } from '@nestjs/common';

import type { GroupContext } from '../rules/membership.policy';
import { MemberRepository } from './member.repository';

/** Loads what every rule needs: the active group (PeerFacts) and the members the call names, in parallel. */
@Injectable()
export class GroupContextLoader {
  constructor(
    private readonly facts: PeerFacts,
    private readonly members: MemberRepository,
  ) {}

  /**
   * `target`: the group id, or the command naming it (with the kind its route expects, if any);
   * `userIds`: the users the call acts on, looked up with the caller in one command.
   */
  async load(ctx: RequestContext, target: string | GroupTarget, userIds: string[] = []): Promise<GroupContext> {
    const groupTarget = typeof target === 'string' ? { groupId: target } : target;
    const key = groupKeyOf(ctx, groupTarget.groupId);
    const callerId = ctx.caller.userId;
    const ids = callerId ? [callerId, ...userIds] : userIds;
    const [group, members] = await Promise.all([
      this.facts.group(ctx, groupTarget),
      this.members.findManyCached(key, ids),
    ]);
    return { key, group, callerId, members, role: roleOf(ctx.caller, callerId ? members.get(callerId)?.role : null) };
  }

  /** Loads a group the caller may read: members read any group; others chatrooms and public groups, unless blocked. */
  async loadReadable(ctx: RequestContext, target: string | GroupTarget, userIds: string[] = []): Promise<GroupContext> {
    const gc = await this.load(ctx, target, userIds);
    assertCanRead(gc);
    await this.facts.assertNotBlockedReader(ctx, gc);
    return gc;
  }
}
