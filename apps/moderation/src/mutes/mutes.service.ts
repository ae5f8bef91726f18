import { Injectable } from '@nestjs/common';
import { groupKeyOf, type GroupUsersQuery } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { MuteRepository } from './mute.repository';

/** Individual mutes. */
@Injectable()
export class MutesService {
  constructor(private readonly mutes: MuteRepository) {}

  /** Each listed user's mute end in force now (ms, -1 permanent); expired mutes count as none. */
  async muteEnds(ctx: RequestContext, { groupId, userIds }: GroupUsersQuery): Promise<Record<string, number>> {
    const active = await this.mutes.findActive(groupKeyOf(ctx, groupId), userIds);
    return Object.fromEntries(active.map((mute) => [mute.userId, mute.until]));
  }
}
