import { type DomainEventHandler, HandleLater, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { DepartureService } from './departure.service';
import { MemberRepository } from './member.repository';

/**
 * The repair of a block whose expel did not happen (the process killed between moderation storing
 * the block and asking membership). Usually they are gone already and this does nothing.
 */
/** The block's own expel goes first. */
export const EXPEL_REPAIR_GRACE_MS = 3_000;

@Injectable()
@OnEvent('member.blocked')
export class ExpelOnBlocked implements DomainEventHandler<'member.blocked'> {
  constructor(
    private readonly members: MemberRepository,
    private readonly departures: DepartureService,
  ) {}

  async handle(event: DomainEvent<'member.blocked'>): Promise<void> {
    const age = Date.now() - Date.parse(event.occurredAt);
    if (age < EXPEL_REPAIR_GRACE_MS)
      throw new HandleLater(EXPEL_REPAIR_GRACE_MS - age, 'the block’s own expel goes first');
    const key = { appId: event.appId, groupId: event.groupId };
    const member = (await this.members.findMany(key, [event.data.userId])).get(event.data.userId);
    // Someone who joined after the block was lifted (a late or replayed event) stays.
    if (!member || member.role === 'owner' || member.joinedAt > Date.parse(event.occurredAt)) return;
    const ctx = {
      caller: { appId: event.appId, userId: event.actor.userId, isAppAdmin: event.actor.isAppAdmin },
      requestId: event.correlationId,
    };
    await this.departures.depart(ctx, key, [{ userId: member.userId, role: member.role }], 'blocked');
  }
}
