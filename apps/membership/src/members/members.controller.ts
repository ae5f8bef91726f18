import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type GetGroupsCommand,
  type GetMemberCommand,
  type GroupIdCommand,
  type KickMembersCommand,
  type ListJoinedCommand,
  type ListMembersByPageCommand,
  type ListMembersCommand,
  MembershipCommands,
  type MembersWithSessionsCommand,
  type ProfilesCommand,
  type RolesOfCommand,
  type SetDisplayNameCommand,
  type SetNotificationPrefsCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { ChatroomDetailsService } from './chatroom-details.service';
import { MembersService } from './members.service';
import { MembersWithSessionsService } from './members-with-sessions.service';

@Controller()
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly withSessions: MembersWithSessionsService,
    private readonly chatrooms: ChatroomDetailsService,
  ) {}

  @Handles(MembershipCommands.chatroomDetails)
  chatroomDetails(command: CommandEnvelope<GetGroupsCommand>) {
    return this.chatrooms.details(command, command.data);
  }

  @Handles(MembershipCommands.membersWithSessions)
  membersWithSessions(command: CommandEnvelope<MembersWithSessionsCommand>) {
    return this.withSessions.membersWithSessions(command, command.data);
  }

  @Handles(MembershipCommands.listMembers)
  list(command: CommandEnvelope<ListMembersCommand>) {
    return this.members.list(command, command.data);
  }

  @Handles(MembershipCommands.recipients)
  recipients(command: CommandEnvelope<ListMembersCommand>) {
    return this.members.recipients(command, command.data);
  }

  @Handles(MembershipCommands.listMembersByPage)
  listByPage(command: CommandEnvelope<ListMembersByPageCommand>) {
    return this.members.listByPage(command, command.data);
  }

  @Handles(MembershipCommands.getMember)
  member(command: CommandEnvelope<GetMemberCommand>) {
    return this.members.member(command, command.data);
  }

  @Handles(MembershipCommands.getProfiles)
  profiles(command: CommandEnvelope<ProfilesCommand>) {
    return this.members.profilesOf(command, command.data);
  }

  @Handles(MembershipCommands.rolesOf)
  rolesOf(command: CommandEnvelope<RolesOfCommand>) {
    return this.members.rolesOf(command, command.data);
  }

  @Handles(MembershipCommands.listAdmins)
  admins(command: CommandEnvelope<GroupIdCommand>) {
    return this.members.admins(command, command.data);
  }

  @Handles(MembershipCommands.listJoined)
  joined(command: CommandEnvelope<ListJoinedCommand>) {
    return this.members.joined(command, command.data);
  }

  @Handles(MembershipCommands.setDisplayName)
  displayName(command: CommandEnvelope<SetDisplayNameCommand>) {
    return this.members.setDisplayName(command, command.data);
  }

  @Handles(MembershipCommands.setNotificationPrefs)
  notificationPrefs(command: CommandEnvelope<SetNotificationPrefsCommand>) {
    return this.members.setNotificationPrefs(command, command.data);
  }

  @Handles(MembershipCommands.leave)
  leave(command: CommandEnvelope<GroupIdCommand>) {
    return this.members.leave(command, command.data);
  }

  @Handles(MembershipCommands.kickMembers)
  kick(command: CommandEnvelope<KickMembersCommand>) {
    return this.members.kick(command, command.data);
  }
}
