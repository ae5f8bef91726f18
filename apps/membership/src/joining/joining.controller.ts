import { Handles } from '@cohort/bus';
import {
  type AddMembersCommand,
  type ApplyCommand,
  type CommandEnvelope,
  type GroupIdArgs,
  type HandleApplicationCommand,
  type HandleInvitationCommand,
  type InviteCommand,
  type JoinByCodeCommand,
  type ListApplicationsCommand,
  type ListInvitationsCommand,
  MembershipCommands,
  type RedeemQrCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { DirectAddService } from './direct-add.service';
import { InvitationsService } from './invitations.service';
import { InviteCodesService } from './invite-codes.service';
import { JoinRequestsService } from './join-requests.service';
import { QrInvitesService } from './qr-invites.service';

/** Every way into a group: direct add, applications, invitations, QR invites, invite codes. */
@Controller()
export class JoiningController {
  constructor(
    private readonly directAdd: DirectAddService,
    private readonly requests: JoinRequestsService,
    private readonly invitations: InvitationsService,
    private readonly qr: QrInvitesService,
    private readonly codes: InviteCodesService,
  ) {}

  @Handles(MembershipCommands.addMembers)
  add(command: CommandEnvelope<AddMembersCommand>) {
    return this.directAdd.add(command, command.data);
  }

  @Handles(MembershipCommands.apply)
  apply(command: CommandEnvelope<ApplyCommand>) {
    return this.requests.apply(command, command.data);
  }

  @Handles(MembershipCommands.handleApplication)
  handleApplication(command: CommandEnvelope<HandleApplicationCommand>) {
    return this.requests.handle(command, command.data);
  }

  @Handles(MembershipCommands.listApplications)
  listApplications(command: CommandEnvelope<ListApplicationsCommand>) {
    return this.requests.list(command, command.data);
  }

  @Handles(MembershipCommands.invite)
  invite(command: CommandEnvelope<InviteCommand>) {
    return this.invitations.invite(command, command.data);
  }

  @Handles(MembershipCommands.handleInvitation)
  handleInvitation(command: CommandEnvelope<HandleInvitationCommand>) {
    return this.invitations.handle(command, command.data);
  }

  @Handles(MembershipCommands.listInvitations)
  listInvitations(command: CommandEnvelope<ListInvitationsCommand>) {
    return this.invitations.list(command, command.data);
  }

  @Handles(MembershipCommands.signQr)
  signQr(command: CommandEnvelope<GroupIdArgs>) {
    return this.qr.sign(command, command.data);
  }

  @Handles(MembershipCommands.redeemQr)
  redeemQr(command: CommandEnvelope<RedeemQrCommand>) {
    return this.qr.redeem(command, command.data);
  }

  @Handles(MembershipCommands.getInviteCode)
  inviteCode(command: CommandEnvelope<GroupIdArgs>) {
    return this.codes.get(command, command.data);
  }

  @Handles(MembershipCommands.rotateInviteCode)
  rotateInviteCode(command: CommandEnvelope<GroupIdArgs>) {
    return this.codes.rotate(command, command.data);
  }

  @Handles(MembershipCommands.joinByCode)
  joinByCode(command: CommandEnvelope<JoinByCodeCommand>) {
    return this.codes.join(command, command.data);
  }
}
