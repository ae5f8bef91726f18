import { serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';

/** The only place the content service's environment is described. */
export const contentEnvSchema = serviceEnvSchema(ServiceNames.content);
