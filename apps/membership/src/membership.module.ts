import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { AdmissionService } from './joining/admission.service';
import { DirectAddService } from './joining/direct-add.service';
import { InvitationRepository } from './joining/invitation.repository';
import { InvitationsService } from './joining/invitations.service';
import { InviteCodesService } from './joining/invite-codes.service';
import { JoinRequestRepository } from './joining/join-request.repository';
import { JoinRequestsService } from './joining/join-requests.service';
import { JoiningController } from './joining/joining.controller';
import { QrInvitesService } from './joining/qr-invites.service';
import { InvitationDoc, InvitationSchema } from './joining/schemas/invitation.schema';
import { JoinRequestDoc, JoinRequestSchema } from './joining/schemas/join-request.schema';
import { ChatroomDetailsService } from './members/chatroom-details.service';
import { DepartureService } from './members/departure.service';
import { DepartureSweeper } from './members/departure.sweeper';
import { ExpelOnBlocked } from './members/expel-on-blocked.handler';
import { GroupContextLoader } from './members/group-context.loader';
import { MemberRepository } from './members/member.repository';
import { MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';
import { MembersWithSessionsService } from './members/members-with-sessions.service';
import { MemberDoc, MemberSchema } from './members/schemas/member.schema';
import { RosterPurgeOnGroupDestroyed } from './purge/roster-purge.handler';
import { RosterPurger } from './purge/roster-purger';
import { RolesOnOwnerTransferred } from './roles/owner-transferred.handler';
import { RolesController } from './roles/roles.controller';
import { RolesService } from './roles/roles.service';
import { RosterController } from './roster/roster.controller';
import { RosterRepository } from './roster/roster.repository';
import { RosterService } from './roster/roster.service';
import { RosterReadCache } from './roster/roster-read-cache';
import { RosterDoc, RosterSchema } from './roster/schemas/roster.schema';
import { SessionsModule } from './sessions/sessions.module';

/** Membership as one feature: rosters, members, roles and every way in and out. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: RosterDoc.name, schema: RosterSchema },
      { name: MemberDoc.name, schema: MemberSchema },
      { name: JoinRequestDoc.name, schema: JoinRequestSchema },
      { name: InvitationDoc.name, schema: InvitationSchema },
    ]),
    SessionsModule,
    GroupAccessModule,
  ],
  controllers: [RosterController, MembersController, RolesController, JoiningController],
  providers: [
    ...[RosterReadCache, RosterRepository, MemberRepository, JoinRequestRepository, InvitationRepository],
    ...[GroupContextLoader],
    ...[
      RosterService,
      RosterPurger,
      MembersService,
      MembersWithSessionsService,
      ChatroomDetailsService,
      DepartureService,
      RolesService,
    ],
    ...[
      AdmissionService,
      DirectAddService,
      JoinRequestsService,
      InvitationsService,
      QrInvitesService,
      InviteCodesService,
    ],
    ...[RosterPurgeOnGroupDestroyed, RolesOnOwnerTransferred, ExpelOnBlocked, DepartureSweeper],
  ],
})
export class MembershipModule {}
