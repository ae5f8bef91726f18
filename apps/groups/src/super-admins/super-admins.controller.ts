import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  GroupCommands,
  type ListSuperAdminsCommand,
  type SuperAdminCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { SuperAdminsService } from './super-admins.service';

@Controller()
export class SuperAdminsController {
  constructor(private readonly superAdmins: SuperAdminsService) {}

  @Handles(GroupCommands.addSuperAdmin)
  add(command: CommandEnvelope<SuperAdminCommand>) {
    return this.superAdmins.add(command, command.data);
  }

  @Handles(GroupCommands.removeSuperAdmin)
  remove(command: CommandEnvelope<SuperAdminCommand>) {
    return this.superAdmins.remove(command, command.data);
  }

  @Handles(GroupCommands.listSuperAdmins)
  list(command: CommandEnvelope<ListSuperAdminsCommand>) {
    return this.superAdmins.list(command, command.data);
  }
}
