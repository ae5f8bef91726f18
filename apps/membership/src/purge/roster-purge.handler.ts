import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { RosterPurger } from './roster-purger';

@Injectable()
@OnEvent('group.destroyed')
export class RosterPurgeOnGroupDestroyed implements DomainEventHandler<'group.destroyed'> {
  constructor(private readonly purger: RosterPurger) {}

  async handle(event: DomainEvent<'group.destroyed'>): Promise<void> {
    await this.purger.purge({ appId: event.appId, groupId: event.groupId });
  }
}
