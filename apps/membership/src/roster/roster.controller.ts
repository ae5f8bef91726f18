import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  GetAccessCommand,
  InitializeRosterCommand,
  PurgeRosterCommand,
  Subjects,
  type CommandEnvelope,
} from '@cohort/contracts';
import { Command } from '@cohort/bus';
import { RosterService } from './roster.service';

@Controller()
export class RosterController {
  constructor(private readonly rosters: RosterService) {}

  @MessagePattern(Subjects.membership.initializeRoster)
  initialize(@Command(InitializeRosterCommand) command: CommandEnvelope<InitializeRosterCommand>) {
    return this.rosters.initialize(command, command.data);
  }

  @MessagePattern(Subjects.membership.purgeRoster)
  purge(@Command(PurgeRosterCommand) command: CommandEnvelope<PurgeRosterCommand>) {
    return this.rosters.purge(command, command.data);
  }

  @MessagePattern(Subjects.membership.getAccess)
  access(@Command(GetAccessCommand) command: CommandEnvelope<GetAccessCommand>) {
    return this.rosters.access(command, command.data);
  }
}
