import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { GroupsService } from '../groups/groups.service';

@Injectable()
@OnEvent('group.owner_transferred')
export class GroupOwnerOnTransferred implements DomainEventHandler<'group.owner_transferred'> {
  constructor(private readonly groups: GroupsService) {}

  async handle(event: DomainEvent<'group.owner_transferred'>): Promise<void> {
    await this.groups.followOwnerTransfer(
      { appId: event.appId, groupId: event.groupId },
      event.data.previousOwnerId,
      event.data.newOwnerId,
    );
  }
}
