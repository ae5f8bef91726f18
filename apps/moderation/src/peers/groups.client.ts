import { Injectable } from '@nestjs/common';
import { GroupCommands, type GroupType, type GroupView } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';

/** What moderation asks the groups service: the active group its rules act on. */
@Injectable()
export class GroupsClient {
  constructor(private readonly bus: BusClient) {}

  /** `group_not_found` when missing, dissolved, or not of the kind the route names. */
  state(ctx: RequestContext, { groupId, groupType }: { groupId: string; groupType?: GroupType }): Promise<GroupView> {
    // Only the group's own fields: a command naming users may be passed in whole.
    return this.bus.send(GroupCommands.state, ctx, groupType ? { groupId, groupType } : { groupId });
  }
}
