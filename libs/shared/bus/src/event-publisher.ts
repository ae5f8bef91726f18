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
  /** JetStream's Nats-Msg-Id: a retried step publishing the same fact passes the same key, and the copy is dropped. */
  dedupKey?: string;
}

@Injectable()
export class EventPublisher {
  constructor(
    private readonly holder: NatsConnectionHolder,
    private readonly stream: EventStream,
  ) {}

  /** Without sending it: the outbox stores it first. */
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

  /** Its id is the JetStream message id: sending it again is harmless. */
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
