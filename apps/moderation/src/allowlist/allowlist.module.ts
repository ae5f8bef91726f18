import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AllowRepository } from './allow.repository';
import { AllowlistRemoveOnMemberLeft } from './allowlist-leave.handler';
import { AllowDoc, AllowSchema } from './schemas/allow.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: AllowDoc.name, schema: AllowSchema }])],
  providers: [AllowRepository, AllowlistRemoveOnMemberLeft],
  exports: [AllowRepository],
})
export class AllowlistModule {}
