import { ServiceNames } from '@cohort/contracts';
import { serviceEnvSchema } from '@cohort/config';

/** The only place the content service's environment is described. */
export const contentEnvSchema = serviceEnvSchema(ServiceNames.content);
