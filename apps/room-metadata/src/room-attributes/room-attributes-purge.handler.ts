import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@cohort/contracts';
import { OnEvent, type DomainEventHandler } from '@cohort/bus';
import { RoomAttributeRepository } from './room-attribute.repository';

/** A destroyed room's attributes go away with it. Idempotent: a redelivery deletes nothing. */
@Injectable()
@OnEvent('group.destroyed')
export class RoomAttributesPurgeOnGroupDestroyed implements DomainEventHandler<'group.destroyed'> {
  constructor(private readonly attributes: RoomAttributeRepository) {}

  async handle(event: DomainEvent<'group.destroyed'>): Promise<void> {
    await this.attributes.purgeRoom({ appId: event.appId, groupId: event.groupId });
  }
}
