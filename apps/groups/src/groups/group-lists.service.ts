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
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Injectable } from '@nestjs/common';

import { MembershipClient } from '../peers/membership.client';
import { GroupRepository } from './group.repository';

function requireAppAdmin(ctx: RequestContext): void {
  if (!ctx.caller.isAppAdmin)
    throw new DomainError('forbidden', 'only the app admin may search every group of the app');
}

@Injectable()
export class GroupListsService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly membership: MembershipClient,
  ) {}

  /** Keyset-paged in creation order: every room existing when a walk starts is visited exactly once. */
  async chatrooms(ctx: RequestContext, { cursor, limit }: ListChatroomsCommand): Promise<Page<GroupInfoView>> {
    const after = decodeCursor(cursor);
    const [page, total] = await Promise.all([
      this.groups.chatroomPage(ctx.caller.appId, limit, after),
      this.groups.countChatrooms(ctx.caller.appId),
    ]);
    const access = await this.membership.accessTo(
      ctx,
      page.items.map((g) => g.groupId),
    );
    return {
      items: page.items.map((g) => groupInfoOf(g, access.get(g.groupId))),
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
