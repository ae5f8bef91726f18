import { type ServiceEnv, serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';
import * as Joi from 'joi';

/** The only place the moderation service's environment is described. */
export const moderationEnvSchema = serviceEnvSchema(ServiceNames.moderation).keys({
  // The send decision's cache: users' standings kept per instance (the oldest go first), and how
  // long a loaded one is trusted before it is read again (events keep it right meanwhile; this
  // only bounds the harm of an event lost while NATS was unreachable).
  SEND_CACHE_MAX_USERS: Joi.number().integer().min(1_000).default(1_000_000),
  SEND_CACHE_TTL_MS: Joi.number().integer().min(1_000).default(600_000),
});

export interface ModerationEnv extends ServiceEnv {
  SEND_CACHE_MAX_USERS: number;
  SEND_CACHE_TTL_MS: number;
}
