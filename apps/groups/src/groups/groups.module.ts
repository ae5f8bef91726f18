import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SuperAdminRepository } from '../super-admins/super-admin.repository';
import { SuperAdminDoc, SuperAdminSchema } from '../super-admins/super-admin.schema';
import { SuperAdminsController } from '../super-admins/super-admins.controller';
import { SuperAdminsService } from '../super-admins/super-admins.service';
import { GroupListsService } from './group-lists.service';
import { GroupCreationService } from './group-creation.service';
import { GroupRepository } from './group.repository';
import { GroupSweeper } from './group-sweeper';
import { GroupOwnerOnTransferred } from './owner-transferred.handler';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { MembershipClient } from './membership.client';
import { ModerationClient } from './moderation.client';
import { GroupDoc, GroupSchema } from './schemas/group.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: GroupDoc.name, schema: GroupSchema },
      { name: SuperAdminDoc.name, schema: SuperAdminSchema },
    ]),
  ],
  controllers: [GroupsController, SuperAdminsController],
  providers: [
    GroupRepository,
    SuperAdminRepository,
    MembershipClient,
    ModerationClient,
    GroupsService,
    GroupListsService,
    SuperAdminsService,
    GroupCreationService,
    GroupSweeper,
    GroupOwnerOnTransferred,
  ],
})
export class GroupsModule {}
