import { Module } from '@nestjs/common';

import { AnnouncementsModule } from '../announcements/announcements.module';
import { FilesModule } from '../files/files.module';
import { ContentPurgeOnGroupDestroyed } from './content-purge.handler';

@Module({
  imports: [AnnouncementsModule, FilesModule],
  providers: [ContentPurgeOnGroupDestroyed],
})
export class GroupPurgeModule {}
