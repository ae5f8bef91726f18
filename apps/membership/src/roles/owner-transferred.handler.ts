import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { RolesService } from './roles.service';

/** In case the process stopped right after committing the transfer. */
@Injectable()
@OnEvent('group.owner_transferred')
export class RolesOnOwnerTransferred implements DomainEventHandler<'group.owner_transferred'> {
  constructor(private readonly roles: RolesService) {}

  async handle(event: DomainEvent<'group.owner_transferred'>): Promise<void> {
    await this.roles.applyTransfer(
      { appId: event.appId, groupId: event.groupId },
      event.data.previousOwnerId,
      event.data.newOwnerId,
    );
  }
}
