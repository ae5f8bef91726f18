import { ServiceNames } from '@cohort/contracts';
import { serviceModule } from '@cohort/service-kit';

import { roomMetadataEnvSchema } from './config/room-metadata.config';
import { RoomAttributesModule } from './room-attributes/room-attributes.module';

export const AppModule = serviceModule({
  service: ServiceNames.roomMetadata,
  envSchema: roomMetadataEnvSchema,
  features: [RoomAttributesModule],
});
