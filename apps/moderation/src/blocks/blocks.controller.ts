import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type GroupUsersQuery,
  type ListModeratedCommand,
  type ModeratedUsers,
  ModerationCommands,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { BlocksService } from './blocks.service';

@Controller()
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Handles(ModerationCommands.block)
  block(command: CommandEnvelope<ModeratedUsers>) {
    return this.blocks.block(command, command.data);
  }

  @Handles(ModerationCommands.unblock)
  unblock(command: CommandEnvelope<ModeratedUsers>) {
    return this.blocks.unblock(command, command.data);
  }

  @Handles(ModerationCommands.listBlocked)
  list(command: CommandEnvelope<ListModeratedCommand>) {
    return this.blocks.list(command, command.data);
  }

  @Handles(ModerationCommands.blockedAmong)
  blockedAmong(command: CommandEnvelope<GroupUsersQuery>) {
    return this.blocks.blockedAmong(command, command.data);
  }
}
