import { MIN_SECRET_LENGTH, randomSecret, REPOSITORY_SECRETS, type ServiceEnv, serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';
import * as Joi from 'joi';

export const membershipEnvSchema = serviceEnvSchema(ServiceNames.membership).keys({
  // The same on every replica, so any of them can verify a QR invite.
  QR_SECRET: Joi.string()
    .min(MIN_SECRET_LENGTH)
    .when('NODE_ENV', {
      is: 'production',
      then: Joi.required()
        .invalid(...REPOSITORY_SECRETS)
        .messages({ 'any.invalid': '{#label} appears in the Cohort repository: it is no secret' }),
      otherwise: Joi.optional().default(() => randomSecret()),
    }),
});

export interface MembershipEnv extends ServiceEnv {
  QR_SECRET: string;
}
