import { Controller } from '@nestjs/common';
import {
  GroupCommands,
  type CommandEnvelope,
  type CreateGroupCommand,
  type GetGroupsCommand,
  type GroupIdCommand,
  type SetMuteAllCommand,
  type UpdateGroupProfileCommand,
  type UpdateGroupSettingsCommand,
} from '@cohort/contracts';
import { Handles } from '@cohort/bus';
import { GroupCreationService } from './group-creation.service';
import { GroupsService } from './groups.service';

@Controller()
export class GroupsController {
  constructor(
    private readonly creation: GroupCreationService,
    private readonly groups: GroupsService,
  ) {}

  @Handles(GroupCommands.create)
  create(command: CommandEnvelope<CreateGroupCommand>) {
    return this.creation.create(command, command.data);
  }

  @Handles(GroupCommands.get)
  get(command: CommandEnvelope<GroupIdCommand>) {
    return this.groups.get(command, command.data);
  }

  @Handles(GroupCommands.state)
  state(command: CommandEnvelope<GroupIdCommand>) {
    return this.groups.state(command, command.data);
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
