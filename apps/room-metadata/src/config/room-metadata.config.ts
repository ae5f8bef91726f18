import { ServiceNames } from '@cohort/contracts';
import { serviceEnvSchema } from '@cohort/config';

/** The only place the room-metadata service's environment is described. */
export const roomMetadataEnvSchema = serviceEnvSchema(ServiceNames.roomMetadata);
