import { Handles } from '@cohort/bus';
import {
  type AddMembersCommand,
  type ApplyCommand,
  type CommandEnvelope,
  type GroupIdCommand,
  type HandleInvitationCommand,
  type HandleJoinRequestCommand,
  type InviteCommand,
  type JoinByCodeCommand,
  type ListInvitationsCommand,
  type ListJoinRequestsCommand,
  MembershipCommands,
  type RedeemQrCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { DirectAddService } from './direct-add.service';
import { InvitationsService } from './invitations.service';
import { InviteCodesService } from './invite-codes.service';
import { JoinRequestsService } from './join-requests.service';
import { QrInvitesService } from './qr-invites.service';

/** Every way into a group: direct add, join requests, invitations, QR invites, invite codes. */
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

  @Handles(MembershipCommands.handleJoinRequest)
  handleJoinRequest(command: CommandEnvelope<HandleJoinRequestCommand>) {
    return this.requests.handle(command, command.data);
  }

  @Handles(MembershipCommands.listJoinRequests)
  listJoinRequests(command: CommandEnvelope<ListJoinRequestsCommand>) {
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
  signQr(command: CommandEnvelope<GroupIdCommand>) {
    return this.qr.sign(command, command.data);
  }

  @Handles(MembershipCommands.redeemQr)
  redeemQr(command: CommandEnvelope<RedeemQrCommand>) {
    return this.qr.redeem(command, command.data);
  }

  @Handles(MembershipCommands.getInviteCode)
  inviteCode(command: CommandEnvelope<GroupIdCommand>) {
    return this.codes.get(command, command.data);
  }

  @Handles(MembershipCommands.rotateInviteCode)
  rotateInviteCode(command: CommandEnvelope<GroupIdCommand>) {
    return this.codes.rotate(command, command.data);
  }

  @Handles(MembershipCommands.joinByCode)
  joinByCode(command: CommandEnvelope<JoinByCodeCommand>) {
    return this.codes.join(command, command.data);
  }

  @Handles(MembershipCommands.findByCode)
  findByCode(command: CommandEnvelope<JoinByCodeCommand>) {
    return this.codes.find(command, command.data);
  }
}
