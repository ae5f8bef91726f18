import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DomainError } from '@cohort/errors';
import type { GatewayEnv } from '../config/gateway.config';

interface Window {
  second: number;
  count: number;
}

const MAX_KEYS = 100_000;

/**
 * Per app and endpoint family, N requests per second (fixed one-second windows), like the
 * vendors. In-process: with several gateway replicas each enforces its own share.
 */
@Injectable()
export class RateLimiter {
  private readonly limit: number;
  private readonly windows = new Map<string, Window>();

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.limit = config.get('RATE_LIMIT_PER_SECOND', { infer: true });
  }

  consume(appId: string, family: string, now = Date.now()): void {
    const key = `${appId} ${family}`;
    const second = Math.floor(now / 1000);
    const window = this.windows.get(key);
    if (!window || window.second !== second) {
      if (this.windows.size >= MAX_KEYS) this.windows.clear();
      this.windows.set(key, { second, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((second + 1) * 1000 - now) / 1000);
      throw new DomainError('rate_limited', `rate limit of ${this.limit} requests per second exceeded for ${family}`, {
        retryAfterSeconds: Math.ceil(retryAfterSeconds),
      });
    }
  }
}
