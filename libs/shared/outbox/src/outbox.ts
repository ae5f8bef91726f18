import { EventPublisher, type RequestContext } from '@cohort/bus';
import type { DomainEvent, EventMap, EventType } from '@cohort/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';

import type { OutboxCollection } from './outbox-collection';

/** Events published at once by flushBatch (bounded, for 100k-member rooms). */
const PUBLISH_CHUNK = 200;

/**
 * The one write-and-publish recipe: prepare the event, store it with the change in one atomic
 * single-document write (outboxOnInsert / outboxOnUpdate), then `flush`: send it and remove it.
 * If sending fails the change still stands and the sweep sends it later under the same message
 * id: a committed change never loses its event, and JetStream drops the copy of a resend.
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

  /**
   * Sends the events of many documents (one each: a batch write), a bounded number at a time, then
   * removes the sent ones in one command. Returns the ids of the sent events; the others wait for
   * the sweep.
   */
  async flushBatch(
    collection: OutboxCollection,
    items: { filter: FilterQuery<unknown>; event: DomainEvent }[],
  ): Promise<Set<string>> {
    const sent = new Set<string>();
    for (let i = 0; i < items.length; i += PUBLISH_CHUNK) {
      await Promise.all(
        items.slice(i, i + PUBLISH_CHUNK).map(async ({ event }) => {
          try {
            await this.publisher.publishEvent(event);
            sent.add(event.eventId);
          } catch (error) {
            this.logger.warn(`event ${event.eventId} kept in the ${collection.name} outbox: ${String(error)}`);
          }
        }),
      );
    }
    await collection.removeEach(
      items.filter((i) => sent.has(i.event.eventId)).map((i) => ({ filter: i.filter, eventId: i.event.eventId })),
    );
    return sent;
  }

  /** Sends stored events in order and removes the sent ones; false (logged) when some must wait. */
  async flush(collection: OutboxCollection, filter: FilterQuery<unknown>, events: DomainEvent[]): Promise<boolean> {
    const sent: string[] = [];
    try {
      for (const event of events) {
        await this.publisher.publishEvent(event);
        sent.push(event.eventId);
      }
      return true;
    } catch (error) {
      this.logger.warn(
        `${events.length - sent.length} event(s) kept in the ${collection.name} outbox: ${String(error)}`,
      );
      return false;
    } finally {
      if (sent.length) await collection.remove(filter, sent);
    }
  }
}
