import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { BlockRepository } from './block.repository';
import { BlockDoc, BlockSchema } from './schemas/block.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: BlockDoc.name, schema: BlockSchema }])],
  providers: [BlockRepository],
  exports: [BlockRepository],
})
export class BlocksModule {}
