import { BusClient, type RequestContext } from '@cohort/bus';
import { MembershipCommands } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

@Injectable()
export class MembershipClient {
  constructor(private readonly bus: BusClient) {}

  /** Removes users just blocked (membership's kick rules, `member.left` with how `blocked`). */
  async expel(ctx: RequestContext, groupId: string, userIds: string[]): Promise<void> {
    await this.bus.send(MembershipCommands.kickMembers, ctx, { groupId, userIds, how: 'blocked' });
  }
}
