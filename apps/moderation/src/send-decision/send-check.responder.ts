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
 * Events and decisions share ONE NATS connection: a change's event is published before the change
 * is answered, and NATS delivers a connection's messages in order, so a decision asked after an
 * answer never sees the state from before.
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
