import { Module } from '@nestjs/common';

import { GroupAnnouncementsController } from './group-announcements.controller';
import { GroupBlocksController } from './group-blocks.controller';
import { GroupFilesController } from './group-files.controller';
import { GroupInfoController } from './group-info.controller';
import { GroupJoiningController } from './group-joining.controller';
import { GroupLifecycleController } from './group-lifecycle.controller';
import { GroupMembersController } from './group-members.controller';
import { GroupMutesController } from './group-mutes.controller';
import { GroupRolesController } from './group-roles.controller';
import { GroupSendCheckController } from './group-send-check.controller';
import { GroupSettingsController } from './group-settings.controller';

@Module({
  controllers: [
    GroupLifecycleController,
    GroupInfoController,
    GroupSettingsController,
    GroupMembersController,
    GroupRolesController,
    GroupJoiningController,
    GroupMutesController,
    GroupBlocksController,
    GroupSendCheckController,
    GroupAnnouncementsController,
    GroupFilesController,
  ],
})
export class GroupDialectModule {}
