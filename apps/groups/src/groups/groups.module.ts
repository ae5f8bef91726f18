import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { MembershipClient } from '../peers/membership.client';
import { GroupOwnerOnTransferred } from '../projections/owner-transferred.handler';
import { SuperAdminDoc, SuperAdminSchema } from '../super-admins/schemas/super-admin.schema';
import { SuperAdminRepository } from '../super-admins/super-admin.repository';
import { SuperAdminsController } from '../super-admins/super-admins.controller';
import { SuperAdminsService } from '../super-admins/super-admins.service';
import { GroupRepository } from './group.repository';
import { GroupSweeper } from './group.sweeper';
import { GroupCreationService } from './group-creation.service';
import { GroupListsService } from './group-lists.service';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { GroupDoc, GroupSchema } from './schemas/group.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: GroupDoc.name, schema: GroupSchema },
      { name: SuperAdminDoc.name, schema: SuperAdminSchema },
    ]),
    GroupAccessModule,
  ],
  controllers: [GroupsController, SuperAdminsController],
  providers: [
    GroupRepository,
    SuperAdminRepository,
    MembershipClient,
    GroupsService,
    GroupListsService,
    SuperAdminsService,
    GroupCreationService,
    GroupSweeper,
    GroupOwnerOnTransferred,
  ],
})
export class GroupsModule {}
