import { type ServiceEnv, serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';
import * as Joi from 'joi';

export const groupsEnvSchema = serviceEnvSchema(ServiceNames.groups).keys({
  // A group still pending after this long was cut off mid-creation: roll it back.
  PENDING_GROUP_TIMEOUT_MS: Joi.number().integer().min(1_000).default(30_000),
});

export interface GroupsEnv extends ServiceEnv {
  PENDING_GROUP_TIMEOUT_MS: number;
}
