import { Injectable } from '@nestjs/common';
import { groupKeyOf, type GroupUsersQuery } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { BlockRepository } from './block.repository';

/** The blocklist. */
@Injectable()
export class BlocksService {
  constructor(private readonly blocks: BlockRepository) {}

  /** The listed users who are blocked: the check every join path makes before admitting. */
  async blockedAmong(ctx: RequestContext, { groupId, userIds }: GroupUsersQuery): Promise<string[]> {
    return (await this.blocks.find(groupKeyOf(ctx, groupId), userIds)).map((entry) => entry.userId);
  }
}
