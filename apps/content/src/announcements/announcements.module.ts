import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { AnnouncementRepository } from './announcement.repository';
import { AnnouncementsController } from './announcements.controller';
import { AnnouncementsService } from './announcements.service';
import { AnnouncementDoc, AnnouncementSchema } from './schemas/announcement.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: AnnouncementDoc.name, schema: AnnouncementSchema }]), GroupAccessModule],
  controllers: [AnnouncementsController],
  providers: [AnnouncementRepository, AnnouncementsService],
  exports: [AnnouncementRepository],
})
export class AnnouncementsModule {}
