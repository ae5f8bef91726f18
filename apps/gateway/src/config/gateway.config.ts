import * as Joi from 'joi';
import { commonEnvSchema, type CommonEnv } from '@cohort/config';

/** The only place the gateway's environment is described. */
export const gatewayEnvSchema = Joi.object({
  ...commonEnvSchema,
  PORT: Joi.number().port().default(3000),
  HOST: Joi.string().default('0.0.0.0'),
  APPS_JSON: Joi.string(),
  APPS_FILE: Joi.string(),
  JWT_TTL_SECONDS: Joi.number().integer().min(60).max(31_536_000).default(7_200),
  RATE_LIMIT_PER_SECOND: Joi.number().integer().min(1).default(100),
  PUBLIC_BASE_URL: Joi.string().uri({ scheme: ['http', 'https'] }).default('http://localhost:3000'),
}).oxor('APPS_JSON', 'APPS_FILE');

export interface GatewayEnv extends CommonEnv {
  PORT: number;
  HOST: string;
  APPS_JSON?: string;
  APPS_FILE?: string;
  JWT_TTL_SECONDS: number;
  RATE_LIMIT_PER_SECOND: number;
  PUBLIC_BASE_URL: string;
}
