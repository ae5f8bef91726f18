import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AckPolicy, DeliverPolicy, JSONCodec, nanos, type ConsumerMessages, type JsMsg } from 'nats';
import { EVENTS_STREAM, EVENTS_WILDCARD, eventSubject, type DomainEvent, type EventType } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { runWithRequestId } from '@cohort/logging';
import { ANY_EVENT, durableNameOf, HANDLED_EVENT, type DomainEventHandler, type HandledEvent } from './event-handler';
import { EventStream } from './event-stream';
import { BUS_OPTIONS, NatsConnectionHolder, type BusOptions } from './nats-connection';

const codec = JSONCodec<DomainEvent>();
const ACK_WAIT_MS = 30_000;
const MAX_DELIVER = 20;
const RETRY_DELAY_MS = 1_000;

/** Starts one durable pull consumer per @HandlesEvent provider; acks only after the handler ran. */
@Injectable()
export class EventConsumerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumerRunner.name);
  private readonly running: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly holder: NatsConnectionHolder,
    private readonly stream: EventStream,
    @Inject(BUS_OPTIONS) private readonly options: BusOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = new Map<HandledEvent, string>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: HANDLED_EVENT.KEY })) {
      const type = this.discovery.getMetadataByDecorator(HANDLED_EVENT, wrapper);
      if (!type || !wrapper.instance) continue;
      const other = handlers.get(type);
      if (other) throw new Error(`${wrapper.name} and ${other} both handle ${type}: one handler per event and service`);
      handlers.set(type, wrapper.name);
      await this.start(type, wrapper.instance as DomainEventHandler<EventType>);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const messages of this.running) messages.stop();
    await Promise.allSettled(this.loops);
  }

  private async start(type: HandledEvent, handler: DomainEventHandler<EventType>): Promise<void> {
    const jsm = await this.stream.ensure();
    const durable = durableNameOf(this.options.serviceName, type);
    await jsm.consumers.add(EVENTS_STREAM, {
      durable_name: durable,
      filter_subject: type === ANY_EVENT ? EVENTS_WILDCARD : eventSubject(type),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(ACK_WAIT_MS),
      max_deliver: MAX_DELIVER,
    });
    const nc = await this.holder.get();
    const consumer = await nc.jetstream().consumers.get(EVENTS_STREAM, durable);
    const messages = await consumer.consume({ max_messages: 64 });
    this.running.push(messages);
    this.loops.push(this.loop(messages, handler, durable));
    this.logger.log(`consuming ${type} as ${durable}`);
  }

  private async loop(messages: ConsumerMessages, handler: DomainEventHandler<EventType>, durable: string) {
    for await (const msg of messages) {
      await this.dispatch(msg, handler, durable);
    }
  }

  private async dispatch(msg: JsMsg, handler: DomainEventHandler<EventType>, durable: string): Promise<void> {
    let event: DomainEvent;
    try {
      event = codec.decode(msg.data);
    } catch {
      this.logger.error(`${durable}: undecodable event at seq ${msg.seq}, dropped`);
      msg.term();
      return;
    }
    await runWithRequestId(event.correlationId, async () => {
      try {
        await handler.handle(event, { streamSequence: msg.seq });
        msg.ack();
        this.logger.debug(`${durable}: ${event.eventId} handled`);
      } catch (error) {
        if (isDomainError(error) && error.code !== 'unavailable' && error.code !== 'timeout') {
          // A rule says no: redelivery would say no again.
          this.logger.error(`${durable}: ${event.eventId} rejected (${error.code}: ${error.message})`);
          msg.term();
          return;
        }
        this.logger.warn(`${durable}: ${event.eventId} failed, will retry: ${String(error)}`);
        msg.nak(RETRY_DELAY_MS);
      }
    });
  }
}
