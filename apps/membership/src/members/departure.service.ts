import { randomUUID } from 'node:crypto';

import type { RequestContext } from '@cohort/bus';
import type { GroupKey, LeaveHow, MemberRole } from '@cohort/contracts';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { RosterRepository } from '../roster/roster.repository';
import { MemberRepository } from './member.repository';

/**
 * The one way out of a group (leave, kick; block and destroy later). Without transactions, in an
 * order that never loses the event and never lets the count fall below the truth:
 * 1. mark each member leaving, only if still present with the role the decision was made on,
 *    with its `member.left` event (one atomic write per member; one command for the batch);
 * 2. send the events; 3. delete the members whose event went out; 4. give their places back.
 * A departure cut short (crash, NATS down) is completed by the DepartureSweeper.
 */
@Injectable()
export class DepartureService {
  constructor(
    private readonly members: MemberRepository,
    private readonly rosters: RosterRepository,
    private readonly outbox: Outbox,
  ) {}

  async depart(
    ctx: RequestContext,
    key: GroupKey,
    leavers: { userId: string; role: MemberRole }[],
    how: LeaveHow,
  ): Promise<Set<string>> {
    const token = randomUUID();
    const withEvents = leavers.map((l) => ({
      ...l,
      event: this.outbox.prepare('member.left', ctx, key.groupId, { userId: l.userId, role: l.role, how }),
    }));
    const marked = await this.outbox.commit(await this.members.markLeaving(key, withEvents, token));
    // The sweeper completes those whose event is still in their outbox.
    await this.complete(key, [...marked], token);
    return marked;
  }

  /** Steps 3 and 4. */
  async complete(key: GroupKey, userIds: string[], token: string): Promise<void> {
    const { deleted, admins } = await this.members.deleteLeft(key, userIds, token);
    await this.rosters.releaseSlots(key, deleted, admins);
  }
}
