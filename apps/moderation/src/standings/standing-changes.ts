import type { RequestContext } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import type { GroupAccess } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import type { UserFactValues } from './facts';
import { StandingRepository } from './standing.repository';

/** The facts moderation itself decides (roles are membership's). */
export type ModerationFact = 'mute' | 'block' | 'allow';

/** Moderation's own changes of users' standings: each stored with its event, the events sent once stored. */
@Injectable()
export class StandingChanges {
  constructor(
    private readonly standings: StandingRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Sets `fact` to `value` for each user in one command; a change's time is its event's, so the
   * newest change of a fact wins even among concurrent calls. A change a newer one superseded is
   * not stored, and its event not sent.
   */
  async set<F extends ModerationFact>(
    ctx: RequestContext,
    access: GroupAccess,
    fact: F,
    userIds: string[],
    value: UserFactValues[F],
    eventOf: (userId: string) => DomainEvent,
  ): Promise<void> {
    // One call is one change at one moment: its users share their time (lists order them by user).
    const at = new Date();
    const changes = userIds.map((userId) => {
      const event = { ...eventOf(userId), occurredAt: at.toISOString() };
      return { userId, value, at, by: ctx.caller.userId, event };
    });
    const applied = await this.standings.apply(access.key, fact, changes);
    const stored = changes.filter((c) => applied.has(c.userId));
    await this.outbox.flushBatch(
      this.standings.outbox,
      stored.map((c) => ({ filter: { ...access.key, userId: c.userId }, event: c.event })),
    );
  }
}
