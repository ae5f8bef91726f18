import { ServiceNames } from '@cohort/contracts';
import { serviceEnvSchema } from '@cohort/config';

/** The only place the moderation service's environment is described. */
export const moderationEnvSchema = serviceEnvSchema(ServiceNames.moderation);
