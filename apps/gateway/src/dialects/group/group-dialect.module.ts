import { Module } from '@nestjs/common';
import { GroupAuthGuard } from './group-auth.guard';
import { GroupInfoController } from './group-info.controller';
import { GroupLifecycleController } from './group-lifecycle.controller';
import { GroupSettingsController } from './group-settings.controller';

/** The `/group/...` dialect (the vendor's "group" API). */
@Module({
  controllers: [GroupLifecycleController, GroupInfoController, GroupSettingsController],
  providers: [GroupAuthGuard],
})
export class GroupDialectModule {}
