import type { RequestContext } from '@cohort/bus';
import type { ListedUser, Page } from '@cohort/contracts';
import type { GroupAccess } from '@cohort/group-access';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { StandingRepository } from './standing.repository';
import { StandingChanges } from './standing-changes';

/** A per-group user list kept in standings, and the events of putting users on it and taking them off. */
export type UserList =
  | { list: 'block'; on: 'member.blocked'; off: 'member.unblocked' }
  | { list: 'allow'; on: 'member.allowlisted'; off: 'member.unallowlisted' };

export const BLOCKLIST: UserList = { list: 'block', on: 'member.blocked', off: 'member.unblocked' };
export const ALLOWLIST: UserList = { list: 'allow', on: 'member.allowlisted', off: 'member.unallowlisted' };

/** Putting users on a per-group list or taking them off, the same way for every list. */
@Injectable()
export class ListChanges {
  constructor(
    private readonly standings: StandingRepository,
    private readonly changes: StandingChanges,
    private readonly outbox: Outbox,
  ) {}

  /** Changes only the users whose state differs (idempotent), in one command, then sends the events. */
  async set(
    ctx: RequestContext,
    access: GroupAccess,
    { list, on: onEvent, off: offEvent }: UserList,
    userIds: string[],
    on: boolean,
  ): Promise<void> {
    const listed = new Set((await this.standings.findListed(access.key, list, userIds)).map((entry) => entry.userId));
    const changing = [...new Set(userIds)].filter((userId) => listed.has(userId) !== on);
    await this.changes.set(ctx, access, list, changing, on, (userId) =>
      this.outbox.prepare(on ? onEvent : offEvent, ctx, access.group.groupId, { userId }),
    );
  }

  /** One page of the list, oldest entry first. */
  async page(access: GroupAccess, { list }: UserList, limit: number, cursor?: string): Promise<Page<ListedUser>> {
    const [page, total] = await Promise.all([
      this.standings.listPage(access.key, list, limit, decodeCursor(cursor)),
      this.standings.count(access.key, list),
    ]);
    return { items: page.items.map(({ userId, at }) => ({ userId, at })), cursor: encodeCursor(page.next), total };
  }
}
