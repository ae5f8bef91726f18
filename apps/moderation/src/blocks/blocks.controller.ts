import { Controller } from '@nestjs/common';
import { ModerationCommands, type CommandEnvelope, type GroupUsersQuery } from '@cohort/contracts';
import { Handles } from '@cohort/bus';
import { BlocksService } from './blocks.service';

@Controller()
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Handles(ModerationCommands.blockedAmong)
  blockedAmong(command: CommandEnvelope<GroupUsersQuery>) {
    return this.blocks.blockedAmong(command, command.data);
  }
}
