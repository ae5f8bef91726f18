import { Injectable } from '@nestjs/common';
import { MembershipCommands, type MemberRole } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';

/** What moderation asks membership: who of the named users are members, in which role; removing blocked users. */
@Injectable()
export class MembershipClient {
  constructor(private readonly bus: BusClient) {}

  /** Removes users just blocked (membership's kick rules, `member.left` with how `blocked`). */
  async expel(ctx: RequestContext, groupId: string, userIds: string[]): Promise<void> {
    await this.bus.send(MembershipCommands.kickMembers, ctx, { groupId, userIds, how: 'blocked' });
  }

  async rolesOf(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Map<string, MemberRole>> {
    if (userIds.length === 0) return new Map();
    return new Map(Object.entries(await this.bus.send(MembershipCommands.rolesOf, ctx, { groupId, userIds: [...new Set(userIds)] })));
  }
}
