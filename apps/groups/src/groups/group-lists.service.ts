import { Injectable } from '@nestjs/common';
import { groupInfoOf, type GroupInfoView, type ListChatroomsCommand, type Page } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { GroupRepository } from './group.repository';
import { MembershipClient } from './membership.client';

/** App-wide lists: chatrooms (anyone in the app may see them) and the public ids. */
@Injectable()
export class GroupListsService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly membership: MembershipClient,
  ) {}

  /** Keyset-paged in creation order: every room existing when a walk starts is visited exactly once. */
  async chatrooms(ctx: RequestContext, { cursor, limit }: ListChatroomsCommand): Promise<Page<GroupInfoView>> {
    const after = decodeCursor(cursor);
    const [page, total] = await Promise.all([this.groups.chatroomPage(ctx.caller.appId, limit, after), this.groups.countChatrooms(ctx.caller.appId)]);
    const access = await this.membership.accessTo(ctx, page.items.map((g) => g.groupId));
    return { items: page.items.map((g) => groupInfoOf(g, access.get(g.groupId))), cursor: encodeCursor(page.next), total };
  }

  publicIds(ctx: RequestContext): Promise<string[]> {
    return this.groups.publicIds(ctx.caller.appId);
  }
}
