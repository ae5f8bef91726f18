import { type DomainEvent, EVENTS_STREAM, EVENTS_WILDCARD, eventSubject, type EventType } from '@cohort/contracts';
import { runWithRequestId } from '@cohort/logging';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AckPolicy, type ConsumerMessages, DeliverPolicy, type JsMsg, JSONCodec, nanos } from 'nats';

import { busObserver, busTracer } from './bus-observer';
import { DeadLetters, REPLAY_FOR_HEADER } from './dead-letters';
import { isPermanentFailure, retryDelayMs } from './delivery-policy';
import {
  ANY_EVENT,
  type DomainEventHandler,
  durableNameOf,
  HANDLED_EVENT,
  type HandledEvent,
  HandleLater,
} from './event-handler';
import { EventStream } from './event-stream';
import { BUS_OPTIONS, type BusOptions, NatsConnectionHolder } from './nats-connection';

const codec = JSONCodec<DomainEvent>();
const ACK_WAIT_MS = 30_000;
const UNLIMITED_DELIVERIES = -1;

/** Acks only after the handler ran; never drops an event: transient failures retry, permanent ones are parked first. */
@Injectable()
export class EventConsumerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumerRunner.name);
  private readonly running: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];
  private readonly durables: string[] = [];
  private allAttached = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly holder: NatsConnectionHolder,
    private readonly stream: EventStream,
    private readonly deadLetters: DeadLetters,
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
    this.allAttached = true;
  }

  get attached(): boolean {
    return this.allAttached;
  }

  get consumers(): readonly string[] {
    return this.durables;
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const messages of this.running) messages.stop();
    await Promise.allSettled(this.loops);
  }

  private async start(type: HandledEvent, handler: DomainEventHandler<EventType>): Promise<void> {
    const jsm = await this.stream.ensure();
    const durable = durableNameOf(this.options.serviceName, type);
    const config = {
      durable_name: durable,
      filter_subject: type === ANY_EVENT ? EVENTS_WILDCARD : eventSubject(type),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(ACK_WAIT_MS),
      max_deliver: UNLIMITED_DELIVERIES,
    };
    const existing = await jsm.consumers.info(EVENTS_STREAM, durable).catch(() => null);
    if (!existing) await jsm.consumers.add(EVENTS_STREAM, config);
    else if (existing.config.max_deliver !== UNLIMITED_DELIVERIES || existing.config.ack_wait !== config.ack_wait) {
      // A consumer made by an older release (which gave up after some deliveries).
      await jsm.consumers.update(EVENTS_STREAM, durable, {
        max_deliver: UNLIMITED_DELIVERIES,
        ack_wait: config.ack_wait,
      });
    }
    const nc = await this.holder.get();
    const consumer = await nc.jetstream().consumers.get(EVENTS_STREAM, durable);
    const messages = await consumer.consume({ max_messages: 64 });
    this.running.push(messages);
    this.durables.push(durable);
    this.loops.push(this.loop(messages, handler, durable));
    this.logger.log(`consuming ${type} as ${durable}`);
  }

  private async loop(messages: ConsumerMessages, handler: DomainEventHandler<EventType>, durable: string) {
    for await (const msg of messages) {
      await this.dispatch(msg, handler, durable);
    }
  }

  private async dispatch(msg: JsMsg, handler: DomainEventHandler<EventType>, durable: string): Promise<void> {
    const replayFor = msg.headers?.get(REPLAY_FOR_HEADER);
    if (replayFor && replayFor !== durable) {
      msg.ack(); // a dead letter replayed for another consumer
      return;
    }
    let event: DomainEvent;
    try {
      event = codec.decode(msg.data);
    } catch (error) {
      await this.giveUp(msg, durable, new Error(`undecodable event: ${String(error)}`));
      return;
    }
    const handle = () => this.handle(msg, handler, durable, event);
    const tracer = busTracer();
    await (tracer ? tracer.handle(durable, 'event', msg.headers, handle) : handle());
  }

  private async handle(
    msg: JsMsg,
    handler: DomainEventHandler<EventType>,
    durable: string,
    event: DomainEvent,
  ): Promise<void> {
    await runWithRequestId(event.correlationId, async () => {
      try {
        await handler.handle(event, { streamSequence: msg.seq });
        msg.ack();
        this.logger.debug(`${durable}: ${event.eventId} handled`);
      } catch (error) {
        if (error instanceof HandleLater) {
          this.logger.debug(`${durable}: ${event.eventId} handled later (in ${error.delayMs} ms): ${error.message}`);
          msg.nak(error.delayMs);
          return;
        }
        if (isPermanentFailure(error)) {
          await this.giveUp(msg, durable, error);
          return;
        }
        const delay = retryDelayMs(msg.info.redeliveryCount, this.options.retry);
        this.logger.warn(
          `${durable}: ${event.eventId} failed (delivery ${msg.info.redeliveryCount}), retry in ${delay} ms: ${String(error)}`,
        );
        msg.nak(delay);
      }
    });
  }

  /** If even parking fails, the event is delivered again. */
  private async giveUp(msg: JsMsg, durable: string, error: unknown): Promise<void> {
    try {
      await this.deadLetters.park(msg, durable, error);
      msg.term();
      busObserver()?.deadLettered(durable);
    } catch (failure) {
      this.logger.warn(`${durable}: seq ${msg.seq} could not be dead-lettered yet, kept: ${String(failure)}`);
      msg.nak(retryDelayMs(msg.info.redeliveryCount, this.options.retry));
    }
  }
}
