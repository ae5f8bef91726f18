import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JSONCodec } from 'nats';
import {
  eventSubject,
  type Caller,
  type DomainEvent,
  type EventMap,
  type EventType,
} from '@cohort/contracts';
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

  async publish<K extends EventType>(type: K, input: PublishInput<K>): Promise<DomainEvent<K>> {
    await this.stream.ensure();
    const event: DomainEvent<K> = {
      eventId: input.dedupKey ? `${type}:${input.caller.appId}:${input.dedupKey}` : randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      appId: input.caller.appId,
      groupId: input.groupId,
      actor: { userId: input.caller.userId, isAppAdmin: input.caller.isAppAdmin },
      correlationId: input.correlationId,
      data: input.data,
    };
    const nc = await this.holder.get();
    await nc.jetstream().publish(eventSubject(type), codec.encode(event as DomainEvent), { msgID: event.eventId });
    return event;
  }
}
