import { Injectable } from '@nestjs/common';
import { ModerationCommands } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';

/** What the groups service asks moderation: whether a reader is on a group's blocklist. */
@Injectable()
export class ModerationClient {
  constructor(private readonly bus: BusClient) {}

  async isBlocked(ctx: RequestContext, groupId: string, userId: string): Promise<boolean> {
    return (await this.bus.send(ModerationCommands.blockedAmong, ctx, { groupId, userIds: [userId] })).length > 0;
  }
}
