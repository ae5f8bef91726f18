import { type ServiceEnv, serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';
import * as Joi from 'joi';

/** Besides public ones (the SSRF guard, docs/webhooks.md). */
export const PRIVATE_NETWORK_KINDS = ['loopback', 'private', 'link-local'] as const;
export type PrivateNetworkKind = (typeof PRIVATE_NETWORK_KINDS)[number];

const DAY_MS = 24 * 3600 * 1000;

export const webhooksEnvSchema = serviceEnvSchema(ServiceNames.webhooks)
  .keys({
    APPS_JSON: Joi.string(),
    APPS_FILE: Joi.string(),
    WEBHOOK_ALLOW_NETWORKS: Joi.string()
      .allow('')
      .pattern(new RegExp(`^(${PRIVATE_NETWORK_KINDS.join('|')})(,(${PRIVATE_NETWORK_KINDS.join('|')}))*$`))
      .default(''),
    WEBHOOK_TIMEOUT_MS: Joi.number().integer().min(100).max(60_000).default(5_000),
    WEBHOOK_RESPONSE_MAX_BYTES: Joi.number().integer().min(0).max(65_536).default(1_024),
    WEBHOOK_RETRY_BASE_MS: Joi.number().integer().min(1).default(5_000),
    WEBHOOK_RETRY_MAX_DELAY_MS: Joi.number().integer().min(1).default(3_600_000),
    WEBHOOK_RETRY_AFTER_MAX_MS: Joi.number().integer().min(1).default(3_600_000),
    WEBHOOK_RETRY_FOR_MS: Joi.number()
      .integer()
      .min(1)
      .default(3 * DAY_MS),
    WEBHOOK_BREAKER_THRESHOLD: Joi.number().integer().min(1).default(5),
    WEBHOOK_BREAKER_COOLDOWN_MS: Joi.number().integer().min(1).default(30_000),
    WEBHOOK_BREAKER_MAX_COOLDOWN_MS: Joi.number().integer().min(1).default(600_000),
    WEBHOOK_CONCURRENCY: Joi.number().integer().min(1).max(1_000).default(32),
    WEBHOOK_POLL_MS: Joi.number().integer().min(10).max(60_000).default(250),
    WEBHOOK_LEASE_MS: Joi.number().integer().min(1_000).default(30_000),
    // The deliveries API and replays read them until then.
    WEBHOOK_DELIVERY_RETENTION_DAYS: Joi.number().integer().min(1).max(3_650).default(30),
    WEBHOOK_DELIVERY_PURGE_BATCH: Joi.number().integer().min(1).max(100_000).default(5_000),
  })
  .oxor('APPS_JSON', 'APPS_FILE');

export interface WebhooksEnv extends ServiceEnv {
  APPS_JSON?: string;
  APPS_FILE?: string;
  WEBHOOK_ALLOW_NETWORKS: string;
  WEBHOOK_TIMEOUT_MS: number;
  WEBHOOK_RESPONSE_MAX_BYTES: number;
  WEBHOOK_RETRY_BASE_MS: number;
  WEBHOOK_RETRY_MAX_DELAY_MS: number;
  WEBHOOK_RETRY_AFTER_MAX_MS: number;
  WEBHOOK_RETRY_FOR_MS: number;
  WEBHOOK_BREAKER_THRESHOLD: number;
  WEBHOOK_BREAKER_COOLDOWN_MS: number;
  WEBHOOK_BREAKER_MAX_COOLDOWN_MS: number;
  WEBHOOK_CONCURRENCY: number;
  WEBHOOK_POLL_MS: number;
  WEBHOOK_LEASE_MS: number;
  WEBHOOK_DELIVERY_RETENTION_DAYS: number;
  WEBHOOK_DELIVERY_PURGE_BATCH: number;
}
