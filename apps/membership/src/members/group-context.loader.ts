import type { RequestContext } from '@cohort/bus';
import { groupKeyOf } from '@cohort/contracts';
import { assertCanRead, type GroupTarget, PeerFacts, roleOf } from '@cohort/group-access';
import { Injectable } from '@nestjs/common';

import type { GroupContext } from '../rules/membership.policy';
import { MemberRepository } from './member.repository';

@Injectable()
export class GroupContextLoader {
  constructor(
    private readonly facts: PeerFacts,
    private readonly members: MemberRepository,
  ) {}

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

  async loadReadable(ctx: RequestContext, target: string | GroupTarget, userIds: string[] = []): Promise<GroupContext> {
    const gc = await this.load(ctx, target, userIds);
    assertCanRead(gc);
    await this.facts.assertNotBlockedReader(ctx, gc);
    return gc;
  }
}
