import { serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';

/** The only place the room-metadata service's environment is described. */
export const roomMetadataEnvSchema = serviceEnvSchema(ServiceNames.roomMetadata);
