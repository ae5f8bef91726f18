import type { RequestContext } from '@cohort/bus';
import {
  groupInfoOf,
  type GroupInfoView,
  type GroupSearchPage,
  type GroupStatsView,
  type ListChatroomsCommand,
  type ListPublicCommand,
  type Page,
  type SearchGroupsCommand,
} from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { PeerFacts } from '@cohort/group-access';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Injectable } from '@nestjs/common';

import { GroupRepository } from './group.repository';

function requireAppAdmin(ctx: RequestContext): void {
  if (!ctx.caller.isAppAdmin)
    throw new DomainError('forbidden', 'only the app admin may search every group of the app');
}

@Injectable()
export class GroupListsService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly facts: PeerFacts,
  ) {}

  /**
   * Keyset-paged in creation order: every room existing when a walk starts is visited exactly once.
   * Counts and owners are membership's rosters as PeerFacts keeps them (no caller record: a list
   * is the same for every reader).
   */
  async chatrooms(ctx: RequestContext, { cursor, limit }: ListChatroomsCommand): Promise<Page<GroupInfoView>> {
    const after = decodeCursor(cursor);
    const [page, total] = await Promise.all([
      this.groups.chatroomPage(ctx.caller.appId, limit, after),
      this.groups.countChatrooms(ctx.caller.appId),
    ]);
    const rosters = await this.facts.rosters(
      ctx,
      page.items.map((g) => g.groupId),
    );
    return {
      items: page.items.map((g) => groupInfoOf(g, rosters.get(g.groupId))),
      cursor: encodeCursor(page.next),
      total,
    };
  }

  async search(ctx: RequestContext, { cursor, limit, ...search }: SearchGroupsCommand): Promise<GroupSearchPage> {
    requireAppAdmin(ctx);
    const page = await this.groups.searchPage(ctx.caller.appId, search, limit, decodeCursor(cursor));
    return { items: page.items, cursor: encodeCursor(page.next) };
  }

  async stats(ctx: RequestContext): Promise<GroupStatsView> {
    requireAppAdmin(ctx);
    const [groups, chatrooms] = await Promise.all([
      this.groups.countActive(ctx.caller.appId, 'group'),
      this.groups.countActive(ctx.caller.appId, 'chatroom'),
    ]);
    return { groups, chatrooms };
  }

  async publicIds(
    ctx: RequestContext,
    { cursor, limit }: ListPublicCommand,
  ): Promise<{ items: string[]; cursor: string | null }> {
    const page = await this.groups.publicPage(ctx.caller.appId, limit, decodeCursor(cursor));
    return { items: page.items.map((g) => g.groupId), cursor: encodeCursor(page.next) };
  }
}
