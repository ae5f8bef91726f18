import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@cohort/contracts';
import { OnEvent, type DomainEventHandler } from '@cohort/bus';
import { RosterRepository } from './roster.repository';

/** A destroyed group's members and roster go away with it. Idempotent: a redelivery deletes nothing. */
@Injectable()
@OnEvent('group.destroyed')
export class RosterPurgeOnGroupDestroyed implements DomainEventHandler<'group.destroyed'> {
  constructor(private readonly rosters: RosterRepository) {}

  async handle(event: DomainEvent<'group.destroyed'>): Promise<void> {
    await this.rosters.purge({ appId: event.appId, groupId: event.groupId });
  }
}
