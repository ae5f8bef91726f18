import { Module } from '@nestjs/common';
import { ServiceNames } from '@cohort/contracts';
import { BusModule } from '@cohort/bus';
import { validatedConfigModule } from '@cohort/config';
import { MongoModule } from '@cohort/mongo';
import { healthControllerFor } from '@cohort/service-kit';
import { roomMetadataEnvSchema } from './config/room-metadata.config';
import { RoomAttributesModule } from './room-attributes/room-attributes.module';

@Module({
  imports: [
    validatedConfigModule(roomMetadataEnvSchema),
    BusModule.forRoot(ServiceNames.roomMetadata),
    MongoModule.forRoot(),
    RoomAttributesModule,
  ],
  controllers: [healthControllerFor(ServiceNames.roomMetadata)],
})
export class AppModule {}
