import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type EmptyCommand,
  type GetAccessCommand,
  type GroupInfoCommand,
  type InitializeRosterCommand,
  MembershipCommands,
  type PurgeRosterCommand,
  type SetRosterCapacityCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { RosterService } from './roster.service';

@Controller()
export class RosterController {
  constructor(private readonly rosters: RosterService) {}

  @Handles(MembershipCommands.initializeRoster)
  initialize(command: CommandEnvelope<InitializeRosterCommand>) {
    return this.rosters.initialize(command, command.data);
  }

  @Handles(MembershipCommands.setCapacity)
  setCapacity(command: CommandEnvelope<SetRosterCapacityCommand>) {
    return this.rosters.setCapacity(command, command.data);
  }

  @Handles(MembershipCommands.purgeRoster)
  purge(command: CommandEnvelope<PurgeRosterCommand>) {
    return this.rosters.purge(command, command.data);
  }

  @Handles(MembershipCommands.groupInfo)
  info(command: CommandEnvelope<GroupInfoCommand>) {
    return this.rosters.info(command, command.data);
  }

  @Handles(MembershipCommands.stats)
  stats(command: CommandEnvelope<EmptyCommand>) {
    return this.rosters.stats(command);
  }

  @Handles(MembershipCommands.getAccess)
  access(command: CommandEnvelope<GetAccessCommand>) {
    return this.rosters.access(command, command.data);
  }
}
