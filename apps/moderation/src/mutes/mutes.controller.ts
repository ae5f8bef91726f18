import { Controller } from '@nestjs/common';
import { ModerationCommands, type CommandEnvelope, type GroupUsersQuery } from '@cohort/contracts';
import { Handles } from '@cohort/bus';
import { MutesService } from './mutes.service';

@Controller()
export class MutesController {
  constructor(private readonly mutes: MutesService) {}

  @Handles(ModerationCommands.muteEnds)
  muteEnds(command: CommandEnvelope<GroupUsersQuery>) {
    return this.mutes.muteEnds(command, command.data);
  }
}
