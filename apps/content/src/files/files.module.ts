import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { FileRepository } from './file.repository';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { FileDoc, FileSchema } from './schemas/file.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: FileDoc.name, schema: FileSchema }]), GroupAccessModule],
  controllers: [FilesController],
  providers: [FileRepository, FilesService],
  exports: [FileRepository],
})
export class FilesModule {}
