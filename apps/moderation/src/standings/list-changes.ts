import type { RequestContext } from '@cohort/bus';
import type { DomainEvent, ListedUser, Page } from '@cohort/contracts';
import type { GroupAccess } from '@cohort/group-access';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import type { UserFactValues } from './facts';
import { type StandingList, StandingRepository } from './standing.repository';

export type UserList =
  | { list: 'block'; on: 'member.blocked'; off: 'member.unblocked' }
  | { list: 'allow'; on: 'member.allowlisted'; off: 'member.unallowlisted' };

export const BLOCKLIST: UserList = { list: 'block', on: 'member.blocked', off: 'member.unblocked' };
export const ALLOWLIST: UserList = { list: 'allow', on: 'member.allowlisted', off: 'member.unallowlisted' };

@Injectable()
export class ListChanges {
  constructor(
    private readonly standings: StandingRepository,
    private readonly outbox: Outbox,
  ) {}

  async set(
    ctx: RequestContext,
    access: GroupAccess,
    { list, on: onEvent, off: offEvent }: UserList,
    userIds: string[],
    on: boolean,
  ): Promise<void> {
    const listed = new Set((await this.standings.findListed(access.key, list, userIds)).map((entry) => entry.userId));
    const changing = [...new Set(userIds)].filter((userId) => listed.has(userId) !== on);
    await this.write(ctx, access, list, changing, on, (userId) =>
      this.outbox.prepare(on ? onEvent : offEvent, ctx, access.group.groupId, { userId }),
    );
  }

  /** A change's time is its event's, so the newest wins among concurrent calls; a superseded one sends nothing. */
  async write<L extends StandingList>(
    ctx: RequestContext,
    access: GroupAccess,
    list: L,
    userIds: string[],
    value: UserFactValues[L],
    eventOf: (userId: string) => DomainEvent,
  ): Promise<void> {
    // One call is one change at one moment: its users share their time (lists order them by user).
    const at = new Date();
    const changes = userIds.map((userId) => {
      const event = { ...eventOf(userId), occurredAt: at.toISOString() };
      return { userId, value, at, by: ctx.caller.userId, event };
    });
    await this.outbox.commit(await this.standings.apply(access.key, list, changes));
  }

  async page(access: GroupAccess, { list }: UserList, limit: number, cursor?: string): Promise<Page<ListedUser>> {
    const [page, total] = await Promise.all([
      this.standings.listPage(access.key, list, limit, decodeCursor(cursor)),
      this.standings.count(access.key, list),
    ]);
    return { items: page.items.map(({ userId, at }) => ({ userId, at })), cursor: encodeCursor(page.next), total };
  }
}
