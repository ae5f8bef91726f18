import { serviceEnvSchema } from '@cohort/config';

/** The only place the room-metadata service's environment is described. */
export const roomMetadataEnvSchema = serviceEnvSchema('cohort_room_metadata');
