import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AnnouncementRepository } from './announcement.repository';
import { AnnouncementDoc, AnnouncementSchema } from './schemas/announcement.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: AnnouncementDoc.name, schema: AnnouncementSchema }])],
  providers: [AnnouncementRepository],
  exports: [AnnouncementRepository],
})
export class AnnouncementsModule {}
