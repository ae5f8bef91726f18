import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PeersModule } from '../peers/peers.module';
import { ListChanges } from '../user-lists/list-changes';
import { BlocksController } from './blocks.controller';
import { BlocksService } from './blocks.service';
import { BlockRepository } from './block.repository';
import { BlockDoc, BlockSchema } from './schemas/block.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: BlockDoc.name, schema: BlockSchema }]), PeersModule],
  controllers: [BlocksController],
  providers: [BlockRepository, BlocksService, ListChanges],
  exports: [BlockRepository],
})
export class BlocksModule {}
