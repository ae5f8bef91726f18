import type { DomainEvent } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { StandingRepository } from '../standings/standing.repository';
import { factsOf } from './event-facts';
import { GroupFactsRepository } from './group-facts.repository';

/** Projected here so that a cold send decision is one keyed read; an older fact changes nothing. */
@Injectable()
export class FactProjector {
  constructor(
    private readonly standings: StandingRepository,
    private readonly groupFacts: GroupFactsRepository,
  ) {}

  async project(event: DomainEvent): Promise<void> {
    const key = { appId: event.appId, groupId: event.groupId };
    const { at, facts } = factsOf(event);
    const when = new Date(at);
    for (const change of facts) {
      if (change.about === 'group') await this.groupFacts.apply(key, change.fact, change.value, when);
      else await this.standings.apply(key, change.fact, [{ userId: change.userId, value: change.value, at: when }]);
    }
  }
}
