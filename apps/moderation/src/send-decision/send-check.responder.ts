import { BUS_OPTIONS, type BusOptions, NatsConnectionHolder, serveCommand } from '@cohort/bus';
import { type DomainEvent, eventSubject, ModerationCommands } from '@cohort/contracts';
import { forgetOnConnectionLoss } from '@cohort/group-access';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JSONCodec, type Msg, type Subscription } from 'nats';

import { FACT_EVENTS } from '../projections/event-facts';
import { SendDecisions } from './send-decisions.service';
import { StandingCache } from './standing-cache';

const eventCodec = JSONCodec<DomainEvent>();

/**
 * Serves the send decision and keeps this instance's cache right, on ONE NATS connection: plain
 * subscriptions (no queue group) to the events of every change, whichever instance or service
 * made it, and the decision's responder. A change's event is published before the change is
 * answered, and NATS delivers a connection's messages in order, so the next decision asked after
 * an answer is processed after the event: it never sees the state from before.
 */
@Injectable()
export class SendCheckResponder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SendCheckResponder.name);
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly holder: NatsConnectionHolder,
    @Inject(BUS_OPTIONS) private readonly options: BusOptions,
    private readonly cache: StandingCache,
    private readonly decisions: SendDecisions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const nc = await this.holder.get();
    // The events first: no decision is answered before the cache follows changes.
    for (const type of FACT_EVENTS) {
      this.subscriptions.push(nc.subscribe(eventSubject(type), { callback: (error, msg) => error || this.apply(msg) }));
    }
    // Events may be missed while NATS is unreachable: start over from the database after that.
    forgetOnConnectionLoss(nc, () => this.cache.clear());
    this.subscriptions.push(
      serveCommand(nc, ModerationCommands.sendCheck, this.options.serviceName, ({ caller, data }) =>
        this.decisions.decide(caller, data),
      ),
    );
  }

  /** Stops answering (decisions in flight finish; the connection is drained at shutdown). */
  beforeApplicationShutdown(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private apply(msg: Msg): void {
    try {
      this.cache.applyEvent(eventCodec.decode(msg.data));
    } catch (error) {
      this.logger.warn(`undecodable event on ${msg.subject} ignored: ${String(error)}`);
    }
  }
}
