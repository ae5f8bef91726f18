import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type ListModeratedCommand,
  type ModeratedUsers,
  ModerationCommands,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { AllowsService } from './allows.service';

@Controller()
export class AllowsController {
  constructor(private readonly allows: AllowsService) {}

  @Handles(ModerationCommands.allow)
  allow(command: CommandEnvelope<ModeratedUsers>) {
    return this.allows.allow(command, command.data);
  }

  @Handles(ModerationCommands.disallow)
  disallow(command: CommandEnvelope<ModeratedUsers>) {
    return this.allows.disallow(command, command.data);
  }

  @Handles(ModerationCommands.listAllowed)
  list(command: CommandEnvelope<ListModeratedCommand>) {
    return this.allows.list(command, command.data);
  }
}
