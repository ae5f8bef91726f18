import { Module } from '@nestjs/common';
import { ServiceNames } from '@cohort/contracts';
import { BusModule } from '@cohort/bus';
import { validatedConfigModule } from '@cohort/config';
import { MongoModule } from '@cohort/mongo';
import { healthControllerFor } from '@cohort/service-kit';
import { AnnouncementsModule } from './announcements/announcements.module';
import { contentEnvSchema } from './config/content.config';
import { FilesModule } from './files/files.module';
import { GroupPurgeModule } from './group-purge/group-purge.module';

@Module({
  imports: [
    validatedConfigModule(contentEnvSchema),
    BusModule.forRoot(ServiceNames.content),
    MongoModule.forRoot(),
    AnnouncementsModule,
    FilesModule,
    GroupPurgeModule,
  ],
  controllers: [healthControllerFor(ServiceNames.content)],
})
export class AppModule {}
