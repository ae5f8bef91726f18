import { type CommonEnv, commonEnvSchema } from '@cohort/config';
import * as Joi from 'joi';

export const gatewayEnvSchema = Joi.object({
  ...commonEnvSchema,
  PORT: Joi.number().port().default(3000),
  HOST: Joi.string().default('0.0.0.0'),
  APPS_JSON: Joi.string(),
  APPS_FILE: Joi.string(),
  JWT_TTL_SECONDS: Joi.number().integer().min(60).max(31_536_000).default(7_200),
  RATE_LIMIT_PER_SECOND: Joi.number().integer().min(1).default(100),
  RATE_LIMIT_PER_USER_PER_SECOND: Joi.number().integer().min(1).default(20),
  // The login throttle counts per source address, so behind a load balancer: whose X-Forwarded-For to believe.
  HTTP_TRUST_PROXY: Joi.alternatives(Joi.boolean(), Joi.string()).default(false),
  PUBLIC_BASE_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .default('http://localhost:3000'),
  // The edge's limits (docs/security.md).
  HTTP_HEADERS_TIMEOUT_MS: Joi.number().integer().min(100).max(Joi.ref('HTTP_REQUEST_TIMEOUT_MS')).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: Joi.number().integer().min(100).max(600_000).default(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: Joi.number().integer().min(100).max(600_000).default(72_000),
  HTTP_CONNECTION_TIMEOUT_MS: Joi.number().integer().min(100).max(600_000).default(60_000),
  HTTP_BODY_LIMIT_BYTES: Joi.number()
    .integer()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  HTTP_JSON_MAX_DEPTH: Joi.number().integer().min(4).max(1_000).default(32),
}).oxor('APPS_JSON', 'APPS_FILE');

export interface HttpLimits {
  HTTP_HEADERS_TIMEOUT_MS: number;
  HTTP_REQUEST_TIMEOUT_MS: number;
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number;
  HTTP_CONNECTION_TIMEOUT_MS: number;
  HTTP_BODY_LIMIT_BYTES: number;
  HTTP_JSON_MAX_DEPTH: number;
  HTTP_TRUST_PROXY: boolean | string;
}

export interface GatewayEnv extends CommonEnv, HttpLimits {
  PORT: number;
  HOST: string;
  APPS_JSON?: string;
  APPS_FILE?: string;
  JWT_TTL_SECONDS: number;
  RATE_LIMIT_PER_SECOND: number;
  RATE_LIMIT_PER_USER_PER_SECOND: number;
  PUBLIC_BASE_URL: string;
}
