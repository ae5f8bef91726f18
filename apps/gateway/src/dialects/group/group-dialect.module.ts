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

/**
 * The `/group/...` dialect (the vendor's "group" API). What makes it a dialect — caller
 * resolution, envelope, errors, field names — is declared once in group-dialect.ts; each
 * controller takes it with `@Dialect(groupDialect)` and names its rate-limit family.
 */
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
