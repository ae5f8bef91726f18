import { randomUUID } from 'node:crypto';

import { type Caller, type DomainEvent, type EventMap, eventSubject, type EventType } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';
import { JSONCodec } from 'nats';

import { busTracer } from './bus-observer';
import { EventStream } from './event-stream';
import { NatsConnectionHolder } from './nats-connection';

const codec = JSONCodec<DomainEvent>();

export interface PublishInput<K extends EventType> {
  caller: Caller;
  correlationId: string;
  groupId: string;
  data: EventMap[K];
  /**
   * Stable key for de-duplication (JetStream Nats-Msg-Id): a retried step that publishes the
   * same fact again passes the same key and the stream drops the copy.
   */
  dedupKey?: string;
}

@Injectable()
export class EventPublisher {
  constructor(
    private readonly holder: NatsConnectionHolder,
    private readonly stream: EventStream,
  ) {}

  /** Builds the event (envelope, stable id) without sending it: it can be stored first (outbox). */
  prepare<K extends EventType>(type: K, input: PublishInput<K>): DomainEvent<K> {
    return {
      eventId: input.dedupKey ? `${type}:${input.caller.appId}:${input.dedupKey}` : randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      appId: input.caller.appId,
      groupId: input.groupId,
      actor: { userId: input.caller.userId, isAppAdmin: input.caller.isAppAdmin },
      correlationId: input.correlationId,
      data: input.data,
    };
  }

  /** Sends a prepared event; its id is the JetStream message id, so sending it again is harmless. */
  async publishEvent(event: DomainEvent): Promise<void> {
    await this.stream.ensure();
    const nc = await this.holder.get();
    // The trace of the change travels with its event (tracing on): its consumers continue it.
    await nc.jetstream().publish(eventSubject(event.type), codec.encode(event), {
      msgID: event.eventId,
      headers: busTracer()?.headers(),
    });
  }

  async publish<K extends EventType>(type: K, input: PublishInput<K>): Promise<DomainEvent<K>> {
    const event = this.prepare(type, input);
    await this.publishEvent(event as DomainEvent);
    return event;
  }
}
