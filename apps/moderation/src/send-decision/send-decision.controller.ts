import { Handles } from '@cohort/bus';
import { type CommandEnvelope, type EmptyCommand, ModerationCommands } from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { SendDecisions } from './send-decisions.service';

/** The decision itself is served by SendCheckResponder (its own subscription); its counters here. */
@Controller()
export class SendDecisionController {
  constructor(private readonly decisions: SendDecisions) {}

  @Handles(ModerationCommands.sendStats)
  stats(command: CommandEnvelope<EmptyCommand>) {
    return this.decisions.stats(command.caller);
  }
}
