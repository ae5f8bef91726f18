import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type CreateGroupCommand,
  type EmptyCommand,
  type GetGroupsCommand,
  GroupCommands,
  type GroupIdCommand,
  type ListChatroomsCommand,
  type ListPublicCommand,
  type SearchGroupsCommand,
  type SetCapacityCommand,
  type SetMuteAllCommand,
  type UpdateGroupProfileCommand,
  type UpdateGroupSettingsCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { GroupCreationService } from './group-creation.service';
import { GroupListsService } from './group-lists.service';
import { GroupsService } from './groups.service';

@Controller()
export class GroupsController {
  constructor(
    private readonly creation: GroupCreationService,
    private readonly groups: GroupsService,
    private readonly lists: GroupListsService,
  ) {}

  @Handles(GroupCommands.create)
  create(command: CommandEnvelope<CreateGroupCommand>) {
    return this.creation.create(command, command.data);
  }

  @Handles(GroupCommands.state)
  state(command: CommandEnvelope<GroupIdCommand>) {
    return this.groups.state(command, command.data);
  }

  @Handles(GroupCommands.setCapacity)
  setCapacity(command: CommandEnvelope<SetCapacityCommand>) {
    return this.groups.setCapacity(command, command.data);
  }

  @Handles(GroupCommands.listChatrooms)
  listChatrooms(command: CommandEnvelope<ListChatroomsCommand>) {
    return this.lists.chatrooms(command, command.data);
  }

  @Handles(GroupCommands.listPublic)
  listPublic(command: CommandEnvelope<ListPublicCommand>) {
    return this.lists.publicIds(command, command.data);
  }

  @Handles(GroupCommands.search)
  search(command: CommandEnvelope<SearchGroupsCommand>) {
    return this.lists.search(command, command.data);
  }

  @Handles(GroupCommands.stats)
  stats(command: CommandEnvelope<EmptyCommand>) {
    return this.lists.stats(command);
  }

  @Handles(GroupCommands.getMany)
  getMany(command: CommandEnvelope<GetGroupsCommand>) {
    return this.groups.getMany(command, command.data);
  }

  @Handles(GroupCommands.updateProfile)
  updateProfile(command: CommandEnvelope<UpdateGroupProfileCommand>) {
    return this.groups.updateProfile(command, command.data);
  }

  @Handles(GroupCommands.updateSettings)
  updateSettings(command: CommandEnvelope<UpdateGroupSettingsCommand>) {
    return this.groups.updateSettings(command, command.data);
  }

  @Handles(GroupCommands.setMuteAll)
  setMuteAll(command: CommandEnvelope<SetMuteAllCommand>) {
    return this.groups.setMuteAll(command, command.data);
  }

  @Handles(GroupCommands.destroy)
  destroy(command: CommandEnvelope<GroupIdCommand>) {
    return this.groups.destroy(command, command.data);
  }
}
