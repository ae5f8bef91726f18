import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type GroupUsersQuery,
  type ListMutesCommand,
  ModerationCommands,
  type MuteCommand,
  type UnmuteCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { MutesService } from './mutes.service';

@Controller()
export class MutesController {
  constructor(private readonly mutes: MutesService) {}

  @Handles(ModerationCommands.mute)
  mute(command: CommandEnvelope<MuteCommand>) {
    return this.mutes.mute(command, command.data);
  }

  @Handles(ModerationCommands.unmute)
  unmute(command: CommandEnvelope<UnmuteCommand>) {
    return this.mutes.unmute(command, command.data);
  }

  @Handles(ModerationCommands.listMutes)
  list(command: CommandEnvelope<ListMutesCommand>) {
    return this.mutes.list(command, command.data);
  }

  @Handles(ModerationCommands.muteEnds)
  muteEnds(command: CommandEnvelope<GroupUsersQuery>) {
    return this.mutes.muteEnds(command, command.data);
  }
}
