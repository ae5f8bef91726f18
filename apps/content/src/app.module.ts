import { ServiceNames } from '@cohort/contracts';
import { serviceModule } from '@cohort/service-kit';

import { AnnouncementsModule } from './announcements/announcements.module';
import { contentEnvSchema } from './config/content.config';
import { FilesModule } from './files/files.module';
import { GroupPurgeModule } from './purge/group-purge.module';

export const AppModule = serviceModule({
  service: ServiceNames.content,
  envSchema: contentEnvSchema,
  features: [AnnouncementsModule, FilesModule, GroupPurgeModule],
});
