import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';

export const BUS_OPTIONS = Symbol('BUS_OPTIONS');

export interface BusOptions {
  serviceName: string;
  natsUrl: string;
  requestTimeoutMs: number;
}

/**
 * The process's own NATS connection for bus requests and JetStream (Nest's NATS transport keeps
 * its own connection for the message handlers and does not speak JetStream).
 */
@Injectable()
export class NatsConnectionHolder implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsConnectionHolder.name);
  private connection: Promise<NatsConnection> | null = null;

  constructor(@Inject(BUS_OPTIONS) private readonly options: BusOptions) {}

  get(): Promise<NatsConnection> {
    this.connection ??= connect({
      servers: this.options.natsUrl,
      name: `${this.options.serviceName}-bus`,
      maxReconnectAttempts: -1,
    });
    return this.connection;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection) return;
    const nc = await this.connection;
    await nc.drain().catch((error: unknown) => this.logger.warn(`drain failed: ${String(error)}`));
  }
}
