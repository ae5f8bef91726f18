import { Handles } from '@cohort/bus';
import {
  type AdminsCommand,
  type CommandEnvelope,
  MembershipCommands,
  type TransferOwnershipCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { RolesService } from './roles.service';

@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Handles(MembershipCommands.addAdmins)
  addAdmins(command: CommandEnvelope<AdminsCommand>) {
    return this.roles.addAdmins(command, command.data);
  }

  @Handles(MembershipCommands.removeAdmins)
  removeAdmins(command: CommandEnvelope<AdminsCommand>) {
    return this.roles.removeAdmins(command, command.data);
  }

  @Handles(MembershipCommands.transferOwnership)
  transfer(command: CommandEnvelope<TransferOwnershipCommand>) {
    return this.roles.transfer(command, command.data);
  }
}
