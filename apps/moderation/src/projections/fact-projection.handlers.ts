import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { Inject, Injectable, type Type } from '@nestjs/common';

import type { FactEvent } from './event-facts';
import { FactProjector } from './fact-projector';

function projectionOf<K extends FactEvent>(type: K): Type<DomainEventHandler<K>> {
  @Injectable()
  @OnEvent(type)
  class ProjectFacts implements DomainEventHandler<K> {
    constructor(@Inject(FactProjector) private readonly projector: FactProjector) {}

    handle(event: DomainEvent<K>): Promise<void> {
      return this.projector.project(event);
    }
  }
  Object.defineProperty(ProjectFacts, 'name', { value: `ProjectFactsOf_${type.replace('.', '_')}` });
  return ProjectFacts;
}

/** group.destroyed is projected by the purge: a service has one consumer per event type. */
export const FactProjectionHandlers = [
  projectionOf('group.created'),
  projectionOf('group.mute_all_changed'),
  projectionOf('group.owner_transferred'),
  projectionOf('member.joined'),
  projectionOf('member.left'),
  projectionOf('member.role_changed'),
];
