import type { ConfigService } from '@nestjs/config';

import type { WebhooksEnv } from '../config/webhooks.config';
import type { RetrySettings } from './retry-policy';

export interface DispatchSettings {
  retry: RetrySettings;
  breaker: { threshold: number; cooldownMs: number; maxCooldownMs: number };
  concurrency: number;
  pollMs: number;
  leaseMs: number;
}

export const DISPATCH_SETTINGS = Symbol('DISPATCH_SETTINGS');

export function dispatchSettingsFrom(config: ConfigService<WebhooksEnv, true>): DispatchSettings {
  const get = <K extends keyof WebhooksEnv>(key: K) => config.get(key, { infer: true });
  return {
    retry: {
      baseMs: get('WEBHOOK_RETRY_BASE_MS'),
      maxDelayMs: get('WEBHOOK_RETRY_MAX_DELAY_MS'),
      retryAfterMaxMs: get('WEBHOOK_RETRY_AFTER_MAX_MS'),
      retryForMs: get('WEBHOOK_RETRY_FOR_MS'),
    },
    breaker: {
      threshold: get('WEBHOOK_BREAKER_THRESHOLD'),
      cooldownMs: get('WEBHOOK_BREAKER_COOLDOWN_MS'),
      maxCooldownMs: get('WEBHOOK_BREAKER_MAX_COOLDOWN_MS'),
    },
    concurrency: get('WEBHOOK_CONCURRENCY'),
    pollMs: get('WEBHOOK_POLL_MS'),
    leaseMs: get('WEBHOOK_LEASE_MS'),
  };
}
