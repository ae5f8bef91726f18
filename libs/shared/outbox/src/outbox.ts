import { EventPublisher, type RequestContext } from '@cohort/bus';
import type { DomainEvent, EventMap, EventType } from '@cohort/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';

import type { OutboxCollection } from './outbox-collection';
import type { StoredEvents, Written } from './written';

/** Bounded for 100k-member rooms. */
const PUBLISH_CHUNK = 200;

/**
 * A unit of work: the event is stored with its change in one atomic single-document write, then
 * `commit` sends it. A failed send leaves it to the sweep under the same message id, so a change
 * never loses its event and JetStream drops the copy of a resend.
 */
@Injectable()
export class Outbox {
  private readonly logger = new Logger(Outbox.name);

  constructor(private readonly publisher: EventPublisher) {}

  prepare<K extends EventType>(
    type: K,
    ctx: RequestContext,
    groupId: string,
    data: EventMap[K],
    dedupKey?: string,
  ): DomainEvent {
    return this.publisher.prepare(type, {
      caller: ctx.caller,
      correlationId: ctx.requestId,
      groupId,
      data,
      dedupKey,
    }) as DomainEvent;
  }

  async commit<T>(written: Written<T>): Promise<T> {
    const { collection, stored, batch } = written;
    if (collection && batch) await this.flushEach(collection, stored);
    else if (collection) for (const { filter, events } of stored) await this.flush(collection, filter, events);
    return written.value;
  }

  private async flushEach(collection: OutboxCollection, stored: readonly StoredEvents[]): Promise<void> {
    const sent: { filter: FilterQuery<unknown>; eventId: string }[] = [];
    for (let i = 0; i < stored.length; i += PUBLISH_CHUNK) {
      await Promise.all(
        stored.slice(i, i + PUBLISH_CHUNK).map(async ({ filter, events }) => {
          for (const event of events) {
            try {
              await this.publisher.publishEvent(event);
              sent.push({ filter, eventId: event.eventId });
            } catch (error) {
              this.logger.warn(`event ${event.eventId} kept in the ${collection.name} outbox: ${String(error)}`);
              return;
            }
          }
        }),
      );
    }
    await collection.removeEach(sent);
  }

  async flush(
    collection: OutboxCollection,
    filter: FilterQuery<unknown>,
    events: readonly DomainEvent[],
  ): Promise<void> {
    const sent: string[] = [];
    try {
      for (const event of events) {
        await this.publisher.publishEvent(event);
        sent.push(event.eventId);
      }
    } catch (error) {
      this.logger.warn(
        `${events.length - sent.length} event(s) kept in the ${collection.name} outbox: ${String(error)}`,
      );
    } finally {
      if (sent.length) await collection.remove(filter, sent);
    }
  }
}
