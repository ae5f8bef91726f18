import { Injectable } from '@nestjs/common';
import { GroupCommands, type GroupView } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';

/** What membership asks the groups service: the active group record its rules depend on. */
@Injectable()
export class GroupsClient {
  constructor(private readonly bus: BusClient) {}

  /** The active group (settings, type, status); `group_not_found` when missing or dissolved. */
  state(ctx: RequestContext, groupId: string): Promise<GroupView> {
    return this.bus.send(GroupCommands.state, ctx, { groupId });
  }
}
