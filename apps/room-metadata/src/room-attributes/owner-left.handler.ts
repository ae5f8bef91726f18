import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { Injectable } from '@nestjs/common';

import { planOwnerLeft } from './attribute-plans';
import { RoomAttributesService } from './room-attributes.service';

/**
 * When a member leaves (any reason), the attributes they own that go with them are removed, with
 * `room_attributes.changed` (how `owner_left`, by the leave's actor); the others stay. Idempotent:
 * a redelivery finds nothing left to remove and writes nothing.
 */
@Injectable()
@OnEvent('member.left')
export class RoomAttributesRemoveOnOwnerLeft implements DomainEventHandler<'member.left'> {
  constructor(private readonly attributes: RoomAttributesService) {}

  async handle(event: DomainEvent<'member.left'>): Promise<void> {
    const ctx = { caller: { appId: event.appId, ...event.actor }, requestId: event.correlationId };
    const leftAt = Date.parse(event.occurredAt);
    try {
      await this.attributes.apply(ctx, { appId: event.appId, groupId: event.groupId }, (current) =>
        planOwnerLeft(current, event.data.userId, leftAt),
      );
    } catch (error) {
      // Outpaced by writers to the room: a conflict, which the consumer would take for a refusal
      // and drop; the removal must happen, so it is retried as a transient failure.
      if (isDomainError(error) && error.code === 'conflict') throw new Error(`retrying later: ${error.message}`);
      throw error;
    }
  }
}
