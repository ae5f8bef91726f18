import type { Server } from 'node:http';

import { EventConsumerRunner, EventStream, NatsConnectionHolder } from '@cohort/bus';
import type { ServiceEnv } from '@cohort/config';
import { EVENTS_STREAM } from '@cohort/contracts';
import { IndexesBuilt } from '@cohort/mongo';
import {
  beforeScrape,
  consumerAckPending,
  consumerPending,
  consumerRedelivered,
  flushTracing,
  natsReadiness,
  outboxBacklog,
  probeReadiness,
  type ReadinessCheck,
  type ReadinessReport,
  registerProcessMetrics,
  startOpsServer,
} from '@cohort/observability';
import { OutboxSweeper } from '@cohort/outbox';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** The ops listener is up from module init, so /livez answers while the service boots. */
@Injectable()
export class ServiceOps implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ServiceOps.name);
  private readonly checks: ReadinessCheck[];
  private server: Server | null = null;
  private removeScrapeHook: (() => void) | null = null;
  readonly metricsEnabled: boolean;

  constructor(
    holder: NatsConnectionHolder,
    private readonly indexes: IndexesBuilt,
    private readonly consumers: EventConsumerRunner,
    private readonly stream: EventStream,
    private readonly sweeper: OutboxSweeper,
    private readonly config: ConfigService<ServiceEnv, true>,
  ) {
    this.metricsEnabled = config.get('METRICS_ENABLED', { infer: true });
    this.checks = [
      natsReadiness(holder),
      { name: 'database', check: () => indexes.databaseAnswers() },
      { name: 'consumers', check: () => consumers.attached },
      { name: 'indexes', check: () => indexes.done },
    ];
  }

  readiness(): Promise<ReadinessReport> {
    return probeReadiness(this.checks);
  }

  async onModuleInit(): Promise<void> {
    if (this.metricsEnabled) {
      registerProcessMetrics();
      this.removeScrapeHook = beforeScrape(() => this.readGauges());
    }
    const port = this.config.get('OPS_PORT', { infer: true });
    if (port === 0) return;
    this.server = await startOpsServer(port, this.config.get('OPS_HOST', { infer: true }), this);
    this.logger.log(`/livez, /readyz and /metrics on port ${port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.removeScrapeHook?.();
    await flushTracing();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async readGauges(): Promise<void> {
    const jsm = await this.stream.ensure();
    await Promise.all([
      ...this.consumers.consumers.map(async (consumer) => {
        const info = await jsm.consumers.info(EVENTS_STREAM, consumer);
        consumerPending.set({ consumer }, info.num_pending);
        consumerAckPending.set({ consumer }, info.num_ack_pending);
        consumerRedelivered.set({ consumer }, info.num_redelivered);
      }),
      ...this.sweeper.outboxCollections.map(async (collection) =>
        outboxBacklog.set({ collection: collection.name }, await collection.countWaiting()),
      ),
    ]);
  }
}
