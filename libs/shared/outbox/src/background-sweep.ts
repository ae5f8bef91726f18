import type { ServiceEnv } from '@cohort/config';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';

/** Passes must be idempotent: every replica of the service runs its own. */
export abstract class BackgroundSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  protected constructor(protected readonly config: ConfigService<ServiceEnv, true>) {}

  abstract sweep(now?: number): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => {
        this.running ??= this.sweep()
          .catch((error: unknown) => this.logger.warn(`sweep failed: ${String(error)}`))
          .finally(() => (this.running = null));
      },
      this.config.get('SWEEP_INTERVAL_MS', { infer: true }),
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
