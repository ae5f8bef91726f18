import { randomUUID } from 'node:crypto';

import { NatsConnectionHolder } from '@cohort/bus';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { GatewayEnv } from '../config/gateway.config';
import { WatchedBucket } from '../replica-state/watched-bucket';
import type { RegisteredApp } from '../tenancy/apps.registry';
import { type Budget, type BudgetRule, RateWindow, type ReplicaCounts } from './rate-window';

export const RATE_COUNTS_BUCKET = 'cohort_rate_counts';
/** The others see its traffic at most this late. */
const SHARE_INTERVAL_MS = 100;
/** Bounds the size of one KV entry. */
const MAX_SHARED_KEYS = 5_000;

/** Each replica counts locally (no NATS round trip per request) and shares its counts every 100 ms (docs/security.md). */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly perApp: number;
  private readonly perUser: number;
  private readonly replica = `replica-${randomUUID()}`;
  private readonly shared: WatchedBucket<ReplicaCounts>;
  private readonly window = new RateWindow((second, key) => this.othersCount(second, key));
  private timer: NodeJS.Timeout | null = null;

  constructor(holder: NatsConnectionHolder, config: ConfigService<GatewayEnv, true>) {
    this.perApp = config.get('RATE_LIMIT_PER_SECOND', { infer: true });
    this.perUser = config.get('RATE_LIMIT_PER_USER_PER_SECOND', { infer: true });
    this.shared = new WatchedBucket(holder, RATE_COUNTS_BUCKET, 60_000);
  }

  onModuleInit(): void {
    void this.shared
      .open()
      .then(() => {
        this.timer = setInterval(() => void this.share(), SHARE_INTERVAL_MS);
        this.timer.unref();
      })
      .catch((error: unknown) =>
        this.logger.error(
          `counts not shared (this replica limits alone): ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.shared.close();
  }

  consume(
    app: RegisteredApp,
    family: string,
    userId: string | null,
    now = Date.now(),
  ): { admitted: boolean; budget: Budget } {
    const appBudget: BudgetRule = { key: `${app.appId} ${family}`, limit: app.rateLimits?.perSecond ?? this.perApp };
    const rules =
      userId === null
        ? [appBudget]
        : [appBudget, { key: `${appBudget.key} ${userId}`, limit: app.rateLimits?.perUserPerSecond ?? this.perUser }];
    return this.window.admit(rules, now);
  }

  private othersCount(second: number, key: string): number {
    let sum = 0;
    for (const [replica, counts] of this.shared.entries()) {
      if (replica !== this.replica && counts.second === second) sum += counts.counts[key] ?? 0;
    }
    return sum;
  }

  private async share(): Promise<void> {
    const changes = this.window.takeChanges();
    if (!changes) return;
    const busiest = Object.entries(changes.counts)
      .sort(([, a], [, b]) => b - a)
      .slice(0, MAX_SHARED_KEYS);
    await this.shared
      .put(this.replica, { second: changes.second, counts: Object.fromEntries(busiest) })
      .catch((error: unknown) => this.logger.warn(`counts not shared: ${String(error)}`));
  }
}
