import type { ServiceName } from '@cohort/contracts';
import * as Joi from 'joi';

export const commonEnvSchema = {
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  NATS_URL: Joi.string()
    .pattern(/^(nats|tls):\/\/[^\s,]+(,(nats|tls):\/\/[^\s,]+)*$/, 'NATS URLs separated by commas')
    .default('nats://127.0.0.1:4222'),
  // Required in production (docs/security.md, "NATS credentials").
  NATS_USER: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .when('NODE_ENV', { is: 'production', then: Joi.required() }),
  NATS_PASSWORD: Joi.string().min(1).when('NATS_USER', { is: Joi.exist(), then: Joi.required() }),
  LOG_LEVEL: Joi.string().valid('debug', 'info', 'warn', 'error').default('info'),
  BUS_TIMEOUT_MS: Joi.number().integer().min(100).max(120_000).default(10_000),
  // Used only when the streams are first created: 3 on a 3-node cluster.
  EVENT_STREAM_REPLICAS: Joi.number().integer().valid(1, 3, 5).default(1),
  // Doubles up to the cap, with no last delivery (docs/events.md).
  EVENT_RETRY_FIRST_MS: Joi.number().integer().min(1).max(60_000).default(1_000),
  EVENT_RETRY_MAX_MS: Joi.number().integer().min(Joi.ref('EVENT_RETRY_FIRST_MS')).max(3_600_000).default(60_000),
  METRICS_ENABLED: Joi.boolean().default(true),
  OTEL_EXPORTER_OTLP_ENDPOINT: Joi.string().uri({ scheme: ['http', 'https'] }),
};

/** Read before Nest starts: spans must exist before the modules. */
export const tracingEnvSchema = Joi.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: commonEnvSchema.OTEL_EXPORTER_OTLP_ENDPOINT,
});

export interface TracingEnv {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}

export function defaultDbName(service: ServiceName): string {
  return `cohort_${service.replace(/-/g, '_')}`;
}

export function serviceEnvSchema(service: ServiceName): Joi.ObjectSchema {
  return Joi.object({
    ...commonEnvSchema,
    MONGO_URL: Joi.string()
      .uri({ scheme: ['mongodb', 'mongodb+srv'] })
      .default('mongodb://127.0.0.1:27017'),
    MONGO_DB: Joi.string()
      .pattern(/^[A-Za-z0-9_-]{1,63}$/)
      .default(defaultDbName(service)),
    SWEEP_INTERVAL_MS: Joi.number().integer().min(500).default(10_000),
    // An event still in an outbox after this long lost its publish: the sweep sends it again.
    OUTBOX_STALE_MS: Joi.number().integer().min(1_000).default(30_000),
    OPS_PORT: Joi.number().port().default(0),
    OPS_HOST: Joi.string().default('0.0.0.0'),
  });
}

export interface CommonEnv {
  NODE_ENV: 'development' | 'production' | 'test';
  NATS_URL: string;
  NATS_USER?: string;
  NATS_PASSWORD?: string;
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error';
  BUS_TIMEOUT_MS: number;
  EVENT_STREAM_REPLICAS: number;
  EVENT_RETRY_FIRST_MS: number;
  EVENT_RETRY_MAX_MS: number;
  METRICS_ENABLED: boolean;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}

export interface ServiceEnv extends CommonEnv {
  MONGO_URL: string;
  MONGO_DB: string;
  SWEEP_INTERVAL_MS: number;
  OUTBOX_STALE_MS: number;
  OPS_PORT: number;
  OPS_HOST: string;
}
