import { Injectable } from '@nestjs/common';
import { groupKeyOf } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { assertCanRead, blockedReader, GroupAccessLoader, isOutsiderReader, type GroupAccess, type GroupTarget } from '@cohort/group-access';
import { StandingRepository } from './standing.repository';

/** A group the caller may read, its blocklist read here: moderation owns it and never asks itself. */
@Injectable()
export class ReadableGroups {
  constructor(
    private readonly loader: GroupAccessLoader,
    private readonly standings: StandingRepository,
  ) {}

  async load(ctx: RequestContext, target: GroupTarget): Promise<GroupAccess> {
    const access = await this.loader.load(ctx, target);
    assertCanRead(access);
    const callerId = ctx.caller.userId;
    if (callerId && isOutsiderReader(access, ctx.caller) && (await this.standings.findListed(groupKeyOf(ctx, target.groupId), 'block', [callerId])).length > 0) {
      throw blockedReader(target.groupId);
    }
    return access;
  }
}
