import type { RequestContext } from '@cohort/bus';
import { groupKeyOf } from '@cohort/contracts';
import {
  assertCanRead,
  blockedReader,
  type GroupAccess,
  GroupAccessLoader,
  type GroupTarget,
  isOutsiderReader,
} from '@cohort/group-access';
import { Injectable } from '@nestjs/common';

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
    if (
      callerId &&
      isOutsiderReader(access, ctx.caller) &&
      (await this.standings.findListed(groupKeyOf(ctx, target.groupId), 'block', [callerId])).length > 0
    ) {
      throw blockedReader(target.groupId);
    }
    return access;
  }
}
