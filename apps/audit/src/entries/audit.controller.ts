import { Handles } from '@cohort/bus';
import { AuditCommands, type CommandEnvelope, type EmptyCommand, type ListAuditCommand } from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { AuditService } from './audit.service';

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Handles(AuditCommands.list)
  list(command: CommandEnvelope<ListAuditCommand>) {
    return this.audit.list(command, command.data);
  }

  @Handles(AuditCommands.stats)
  stats(command: CommandEnvelope<EmptyCommand>) {
    return this.audit.stats(command);
  }
}
