import type { RequestContext } from '@cohort/bus';
import {
  groupKeyOf,
  type GroupUsersQuery,
  type ItemResult,
  type ListedUser,
  type ListModeratedCommand,
  type ModeratedUsers,
  type Page,
} from '@cohort/contracts';
import { assertAdmin, GroupAccessLoader } from '@cohort/group-access';
import { Injectable } from '@nestjs/common';

import { MembershipClient } from '../peers/membership.client';
import { targetRefusal } from '../rules/moderation.policy';
import { BLOCKLIST, ListChanges } from '../standings/list-changes';
import { ReadableGroups } from '../standings/readable-groups';
import { StandingRepository } from '../standings/standing.repository';

@Injectable()
export class BlocksService {
  constructor(
    private readonly loader: GroupAccessLoader,
    private readonly readable: ReadableGroups,
    private readonly standings: StandingRepository,
    private readonly membership: MembershipClient,
    private readonly changes: ListChanges,
  ) {}

  /** Stored before membership removes them, so no join path lets them back in between. */
  async block(ctx: RequestContext, command: ModeratedUsers): Promise<ItemResult[]> {
    const gc = await this.loader.load(ctx, command, command.userIds);
    assertAdmin(gc, 'block members');
    const refusals = new Map(command.userIds.map((userId) => [userId, targetRefusal(gc, userId, 'block')] as const));
    const targets = [...new Set(command.userIds)].filter((userId) => !refusals.get(userId));
    await this.changes.set(ctx, gc, BLOCKLIST, targets, true);
    const members = targets.filter((userId) => gc.roles.has(userId));
    if (members.length > 0) await this.membership.expel(ctx, gc.group.groupId, members);
    return command.userIds.map((userId) => {
      const refusal = refusals.get(userId);
      return refusal ? { userId, ok: false, error: refusal } : { userId, ok: true };
    });
  }

  async unblock(ctx: RequestContext, command: ModeratedUsers): Promise<ItemResult[]> {
    const gc = await this.loader.load(ctx, command);
    assertAdmin(gc, 'unblock users');
    await this.changes.set(ctx, gc, BLOCKLIST, command.userIds, false);
    return command.userIds.map((userId) => ({ userId, ok: true }));
  }

  async list(ctx: RequestContext, command: ListModeratedCommand): Promise<Page<ListedUser>> {
    const gc = await this.readable.load(ctx, command);
    return this.changes.page(gc, BLOCKLIST, command.limit, command.cursor);
  }

  async blockedAmong(ctx: RequestContext, { groupId, userIds }: GroupUsersQuery): Promise<string[]> {
    return (await this.standings.findListed(groupKeyOf(ctx, groupId), 'block', userIds)).map((entry) => entry.userId);
  }
}
