import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { FactProjector } from '../projections/fact-projector';
import { StandingRepository } from '../standings/standing.repository';

/** Also projects the group's end: a service has one durable consumer per event type. */
@Injectable()
@OnEvent('group.destroyed')
export class ModerationPurgeOnGroupDestroyed implements DomainEventHandler<'group.destroyed'> {
  constructor(
    private readonly projector: FactProjector,
    private readonly standings: StandingRepository,
  ) {}

  async handle(event: DomainEvent<'group.destroyed'>): Promise<void> {
    await this.projector.project(event);
    await this.standings.purgeGroup({ appId: event.appId, groupId: event.groupId });
  }
}
