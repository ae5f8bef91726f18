import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';

import { QueueRepository } from '../deliveries/queue.repository';
import { DISPATCH_SETTINGS, type DispatchSettings } from './dispatch-settings';
import { DispatchSignal } from './dispatch-signal';
import { QueueRunner } from './queue-runner';

/** A queue is claimed by a lease in the database, so that two instances never deliver the same queue. */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Dispatcher.name);
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly queues: QueueRepository,
    private readonly runner: QueueRunner,
    private readonly signal: DispatchSignal,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.signal.wake();
    await this.loop;
    await Promise.allSettled([...this.running]);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (this.running.size >= this.settings.concurrency) {
        await Promise.race(this.running);
        continue;
      }
      let claimed = null;
      try {
        claimed = await this.queues.claim(this.owner, new Date(), this.settings.leaseMs);
      } catch (error) {
        this.logger.warn(`claiming a queue failed: ${String(error)}`);
      }
      if (!claimed) {
        await this.signal.wait(this.settings.pollMs);
        continue;
      }
      const work = this.runner
        .run(claimed, this.owner)
        .catch((error: unknown) => this.logger.error(`queue ${claimed._id} failed: ${String(error)}`))
        .finally(() => this.running.delete(work));
      this.running.add(work);
    }
  }
}
