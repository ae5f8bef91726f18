import * as Joi from 'joi';
import type { ServiceName } from '@cohort/contracts';

/** Variables every process reads (gateway and services). */
export const commonEnvSchema = {
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  NATS_URL: Joi.string()
    .uri({ scheme: ['nats', 'tls'] })
    .default('nats://127.0.0.1:4222'),
  LOG_LEVEL: Joi.string().valid('debug', 'info', 'warn', 'error').default('info'),
  BUS_TIMEOUT_MS: Joi.number().integer().min(100).max(120_000).default(10_000),
};

/** A service's own database when MONGO_DB is not set: `cohort_<service>`. */
export function defaultDbName(service: ServiceName): string {
  return `cohort_${service.replace(/-/g, '_')}`;
}

/** Variables of a domain service: its own Mongo database. */
export function serviceEnvSchema(service: ServiceName): Joi.ObjectSchema {
  return Joi.object({
    ...commonEnvSchema,
    MONGO_URL: Joi.string()
      .uri({ scheme: ['mongodb', 'mongodb+srv'] })
      .default('mongodb://127.0.0.1:27017'),
    MONGO_DB: Joi.string()
      .pattern(/^[A-Za-z0-9_-]{1,63}$/)
      .default(defaultDbName(service)),
    // Background repair passes (outbox resend, and each service's own sweeps).
    SWEEP_INTERVAL_MS: Joi.number().integer().min(500).default(10_000),
    // An event still in an outbox after this long lost its publish: the sweep sends it again.
    OUTBOX_STALE_MS: Joi.number().integer().min(1_000).default(30_000),
  });
}

export interface CommonEnv {
  NODE_ENV: 'development' | 'production' | 'test';
  NATS_URL: string;
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error';
  BUS_TIMEOUT_MS: number;
}

export interface ServiceEnv extends CommonEnv {
  MONGO_URL: string;
  MONGO_DB: string;
  SWEEP_INTERVAL_MS: number;
  OUTBOX_STALE_MS: number;
}
