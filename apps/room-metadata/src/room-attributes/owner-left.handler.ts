import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { Injectable } from '@nestjs/common';

import { planOwnerLeft } from './attribute-plans';
import { RoomAttributesService } from './room-attributes.service';

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
      // The consumer drops a conflict as a refusal; this removal must happen, so it retries.
      if (isDomainError(error) && error.code === 'conflict') throw new Error(`retrying later: ${error.message}`);
      throw error;
    }
  }
}
