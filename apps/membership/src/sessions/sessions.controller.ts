import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type FindSessionCommand,
  type RegisterSessionCommand,
  SessionCommands,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { SessionsService } from './sessions.service';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Handles(SessionCommands.register)
  register(command: CommandEnvelope<RegisterSessionCommand>) {
    return this.sessions.register(command, command.data);
  }

  @Handles(SessionCommands.find)
  find(command: CommandEnvelope<FindSessionCommand>) {
    return this.sessions.find(command, command.data);
  }
}
