import { type ServiceEnv, serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';
import * as Joi from 'joi';

export const moderationEnvSchema = serviceEnvSchema(ServiceNames.moderation).keys({
  // Events keep the cache right; the TTL only bounds the harm of an event lost while NATS was down.
  SEND_CACHE_MAX_USERS: Joi.number().integer().min(1_000).default(1_000_000),
  SEND_CACHE_TTL_MS: Joi.number().integer().min(1_000).default(600_000),
});

export interface ModerationEnv extends ServiceEnv {
  SEND_CACHE_MAX_USERS: number;
  SEND_CACHE_TTL_MS: number;
}
