import { serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';

export const contentEnvSchema = serviceEnvSchema(ServiceNames.content);
