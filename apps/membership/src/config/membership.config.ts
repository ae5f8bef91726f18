import { ServiceNames } from '@cohort/contracts';
import { serviceEnvSchema } from '@cohort/config';

/** The only place the membership service's environment is described. */
export const membershipEnvSchema = serviceEnvSchema(ServiceNames.membership);
