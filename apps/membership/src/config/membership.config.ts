import { serviceEnvSchema } from '@cohort/config';

/** The only place the membership service's environment is described. */
export const membershipEnvSchema = serviceEnvSchema('cohort_membership');
