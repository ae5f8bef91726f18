import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';

import type { RetryBackoff } from './delivery-policy';
import { type NatsAccess, natsConnectOptions } from './nats-connect-options';
import { coalesceWrites } from './write-coalescing';

export const BUS_OPTIONS = Symbol('BUS_OPTIONS');

export interface BusOptions extends NatsAccess {
  serviceName: string;
  requestTimeoutMs: number;
  retry?: RetryBackoff;
  streamReplicas?: number;
}

/** Nest's NATS transport keeps its own connection and does not speak JetStream. */
@Injectable()
export class NatsConnectionHolder implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsConnectionHolder.name);
  private connection: Promise<NatsConnection> | null = null;

  constructor(@Inject(BUS_OPTIONS) private readonly options: BusOptions) {}

  get(): Promise<NatsConnection> {
    // Waits for a server that is not up yet; a refusal (bad credentials) is not kept: the next call tries again.
    this.connection ??= connect(natsConnectOptions(this.options, `${this.options.serviceName}-bus`))
      .then(coalesceWrites)
      .catch((error: unknown) => {
        this.connection = null;
        throw error;
      });
    return this.connection;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection) return;
    const nc = await this.connection;
    await nc.drain().catch((error: unknown) => this.logger.warn(`drain failed: ${String(error)}`));
  }
}
