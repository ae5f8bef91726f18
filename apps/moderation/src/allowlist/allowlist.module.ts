import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PeersModule } from '../peers/peers.module';
import { ListChanges } from '../user-lists/list-changes';
import { AllowRepository } from './allow.repository';
import { AllowlistRemoveOnMemberLeft } from './allowlist-leave.handler';
import { AllowsController } from './allows.controller';
import { AllowsService } from './allows.service';
import { AllowDoc, AllowSchema } from './schemas/allow.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: AllowDoc.name, schema: AllowSchema }]), PeersModule],
  controllers: [AllowsController],
  providers: [AllowRepository, AllowsService, ListChanges, AllowlistRemoveOnMemberLeft],
  exports: [AllowRepository],
})
export class AllowlistModule {}
