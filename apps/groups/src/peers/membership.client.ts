import { BusClient, type RequestContext } from '@cohort/bus';
import { type AccessView, type GroupType, MembershipCommands } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

@Injectable()
export class MembershipClient {
  constructor(private readonly bus: BusClient) {}

  async accessTo(ctx: RequestContext, groupIds: string[]): Promise<Map<string, AccessView>> {
    if (groupIds.length === 0) return new Map();
    const views = await this.bus.send(MembershipCommands.getAccess, ctx, {
      groupIds,
      ...(ctx.caller.userId ? { userId: ctx.caller.userId } : {}),
    });
    return new Map(views.map((view) => [view.groupId, view]));
  }

  initializeRoster(
    ctx: RequestContext,
    groupId: string,
    type: GroupType,
    ownerId: string,
    memberIds: string[],
    capacity: number,
  ) {
    return this.bus.send(MembershipCommands.initializeRoster, ctx, { groupId, type, ownerId, memberIds, capacity });
  }

  /** Membership enforces capacity: it changes there first (refused below the member count). */
  setCapacity(ctx: RequestContext, groupId: string, capacity: number) {
    return this.bus.send(MembershipCommands.setCapacity, ctx, { groupId, capacity });
  }

  /** Compensation runs with system rights, whoever asked for the creation. */
  purgeRoster(ctx: RequestContext, groupId: string) {
    const system = { ...ctx, caller: { appId: ctx.caller.appId, userId: null, isAppAdmin: true } };
    return this.bus.send(MembershipCommands.purgeRoster, system, { groupId });
  }
}
