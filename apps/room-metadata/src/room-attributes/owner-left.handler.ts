import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@cohort/contracts';
import { OnEvent, type DomainEventHandler } from '@cohort/bus';
import { RoomAttributeRepository } from './room-attribute.repository';

/**
 * When a member leaves (any reason), the attributes they own with autoDelete `DELETE` are
 * removed; `NO_DELETE` ones stay. Idempotent.
 */
@Injectable()
@OnEvent('member.left')
export class RoomAttributesRemoveOnOwnerLeft implements DomainEventHandler<'member.left'> {
  constructor(private readonly attributes: RoomAttributeRepository) {}

  async handle(event: DomainEvent<'member.left'>): Promise<void> {
    await this.attributes.deleteAutoDeleteOwnedBy(
      { appId: event.appId, groupId: event.groupId },
      event.data.userId,
      new Date(event.occurredAt),
    );
  }
}
