import * as Joi from 'joi';
import { ServiceNames } from '@cohort/contracts';
import { serviceEnvSchema, type ServiceEnv } from '@cohort/config';

/** Development's QR signing secret: refused in production, where every replica must share a real one. */
const DEV_QR_SECRET = 'cohort-development-qr-secret-not-for-production';

/** The only place the membership service's environment is described. */
export const membershipEnvSchema = serviceEnvSchema(ServiceNames.membership).keys({
  // HMAC key of QR invites: the same on every replica, so any of them can verify a token.
  QR_SECRET: Joi.string()
    .min(32)
    .when('NODE_ENV', { is: 'production', then: Joi.required().invalid(DEV_QR_SECRET), otherwise: Joi.optional().default(DEV_QR_SECRET) }),
});

export interface MembershipEnv extends ServiceEnv {
  QR_SECRET: string;
}
