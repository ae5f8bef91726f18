import { ANY_EVENT, type DomainEventHandler, type EventDelivery, OnEvent } from '@cohort/bus';
import type { DomainEvent, EventType } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { IngestService } from './ingest.service';

/** Acked once its deliveries are stored; delivering is the dispatcher's job, so a slow receiver never holds the stream back. */
@Injectable()
@OnEvent(ANY_EVENT)
export class EventIngestHandler implements DomainEventHandler<EventType> {
  constructor(private readonly ingest: IngestService) {}

  handle(event: DomainEvent, delivery: EventDelivery): Promise<void> {
    return this.ingest.ingest(event, delivery.streamSequence);
  }
}
