import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { RoomRepository } from '../room-attributes/room.repository';

@Injectable()
@OnEvent('group.destroyed')
export class RoomAttributesPurgeOnGroupDestroyed implements DomainEventHandler<'group.destroyed'> {
  constructor(private readonly rooms: RoomRepository) {}

  async handle(event: DomainEvent<'group.destroyed'>): Promise<void> {
    if (event.data.type !== 'chatroom') return;
    await this.rooms.purge({ appId: event.appId, groupId: event.groupId });
  }
}
