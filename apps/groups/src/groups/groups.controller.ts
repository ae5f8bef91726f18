import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  CreateGroupCommand,
  GetGroupsCommand,
  GroupIdCommand,
  SetMuteAllCommand,
  Subjects,
  UpdateGroupProfileCommand,
  UpdateGroupSettingsCommand,
  type CommandEnvelope,
} from '@cohort/contracts';
import { Command } from '@cohort/bus';
import { GroupCreationService } from './group-creation.service';
import { GroupsService } from './groups.service';

@Controller()
export class GroupsController {
  constructor(
    private readonly creation: GroupCreationService,
    private readonly groups: GroupsService,
  ) {}

  @MessagePattern(Subjects.groups.create)
  create(@Command(CreateGroupCommand) command: CommandEnvelope<CreateGroupCommand>) {
    return this.creation.create(command, command.data);
  }

  @MessagePattern(Subjects.groups.get)
  get(@Command(GroupIdCommand) command: CommandEnvelope<GroupIdCommand>) {
    return this.groups.get(command, command.data);
  }

  @MessagePattern(Subjects.groups.getMany)
  getMany(@Command(GetGroupsCommand) command: CommandEnvelope<GetGroupsCommand>) {
    return this.groups.getMany(command, command.data);
  }

  @MessagePattern(Subjects.groups.updateProfile)
  updateProfile(@Command(UpdateGroupProfileCommand) command: CommandEnvelope<UpdateGroupProfileCommand>) {
    return this.groups.updateProfile(command, command.data);
  }

  @MessagePattern(Subjects.groups.updateSettings)
  updateSettings(@Command(UpdateGroupSettingsCommand) command: CommandEnvelope<UpdateGroupSettingsCommand>) {
    return this.groups.updateSettings(command, command.data);
  }

  @MessagePattern(Subjects.groups.setMuteAll)
  setMuteAll(@Command(SetMuteAllCommand) command: CommandEnvelope<SetMuteAllCommand>) {
    return this.groups.setMuteAll(command, command.data);
  }

  @MessagePattern(Subjects.groups.destroy)
  destroy(@Command(GroupIdCommand) command: CommandEnvelope<GroupIdCommand>) {
    return this.groups.destroy(command, command.data);
  }
}
