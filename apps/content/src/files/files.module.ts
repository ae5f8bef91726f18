import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FileRepository } from './file.repository';
import { FileDoc, FileSchema } from './schemas/file.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: FileDoc.name, schema: FileSchema }])],
  providers: [FileRepository],
  exports: [FileRepository],
})
export class FilesModule {}
