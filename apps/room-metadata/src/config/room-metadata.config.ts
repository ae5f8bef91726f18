import { serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';

export const roomMetadataEnvSchema = serviceEnvSchema(ServiceNames.roomMetadata);
