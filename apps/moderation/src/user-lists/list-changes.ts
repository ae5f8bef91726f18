import { Injectable } from '@nestjs/common';
import type { ListedUser, Page } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Outbox } from '@cohort/outbox';
import type { GroupAccess } from '@cohort/group-access';
import type { GroupUserListRepository } from './group-user-list.repository';

/** The events of one list: who was put on it, who was taken off. */
export type ListEvents = { on: 'member.blocked'; off: 'member.unblocked' } | { on: 'member.allowlisted'; off: 'member.unallowlisted' };

/** Putting users on a per-group list or taking them off, with their events, the same way for every list. */
@Injectable()
export class ListChanges {
  constructor(private readonly outbox: Outbox) {}

  /** Changes only the users whose state differs (idempotent), in one command, then sends the events. */
  async set(ctx: RequestContext, gc: GroupAccess, list: GroupUserListRepository, events: ListEvents, userIds: string[], on: boolean): Promise<void> {
    const listed = new Set((await list.find(gc.key, userIds)).map((entry) => entry.userId));
    const changing = [...new Set(userIds)].filter((userId) => listed.has(userId) !== on);
    const changes = changing.map((userId) => ({ userId, event: this.outbox.prepare(on ? events.on : events.off, ctx, gc.group.groupId, { userId }) }));
    await list.setMany(gc.key, changes, on, ctx.caller.userId);
    await this.outbox.flushBatch(list.outbox, changes.map((c) => ({ filter: { ...gc.key, userId: c.userId }, event: c.event })));
  }

  /** One page of the list, oldest entry first. */
  async page(gc: GroupAccess, list: GroupUserListRepository, limit: number, cursor?: string): Promise<Page<ListedUser>> {
    const [page, total] = await Promise.all([list.listPage(gc.key, limit, decodeCursor(cursor)), list.count(gc.key)]);
    return { items: page.items.map(({ userId, at }) => ({ userId, at })), cursor: encodeCursor(page.next), total };
  }
}
