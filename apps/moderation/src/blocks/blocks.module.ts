import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { BlocksController } from './blocks.controller';
import { BlocksService } from './blocks.service';
import { BlockRepository } from './block.repository';
import { BlockDoc, BlockSchema } from './schemas/block.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: BlockDoc.name, schema: BlockSchema }])],
  controllers: [BlocksController],
  providers: [BlockRepository, BlocksService],
  exports: [BlockRepository],
})
export class BlocksModule {}
