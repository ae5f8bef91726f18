import { Injectable } from '@nestjs/common';
import {
  groupKeyOf,
  type GroupUsersQuery,
  type ListModeratedCommand,
  type MuteCommand,
  type MuteEntry,
  type MuteResult,
  type Page,
  type UnmuteCommand,
} from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Outbox } from '@cohort/outbox';
import { assertAdmin, GroupAccessLoader, type GroupAccess } from '@cohort/group-access';
import { refuseWhole, targetRefusal } from '../moderation.policy';
import { LIFTED, MuteRepository, PERMANENT } from './mute.repository';

/** Individual mutes: admins mute members for a while or for good; a mute outlives leaving. */
@Injectable()
export class MutesService {
  constructor(
    private readonly loader: GroupAccessLoader,
    private readonly mutes: MuteRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Per target in request order: members only, never the owner, admins only by the owner. With
   * `wholeRequest` (Easemob), one such refusal refuses the request and nothing changes.
   */
  async mute(ctx: RequestContext, command: MuteCommand): Promise<MuteResult[]> {
    const { userIds, durationMs, wholeRequest } = command;
    const gc = await this.loader.load(ctx, command, userIds);
    assertAdmin(gc, 'mute members');
    const refusals = new Map(userIds.map((userId) => [userId, targetRefusal(gc, userId, 'mute')] as const));
    if (wholeRequest) refuseWhole(userIds, refusals);
    const until = durationMs === 0 ? LIFTED : durationMs === -1 ? PERMANENT : Date.now() + durationMs;
    const targets = [...new Set(userIds)].filter((userId) => !refusals.get(userId));
    await this.write(ctx, gc, targets, until);
    return userIds.map((userId) => {
      const refusal = refusals.get(userId);
      return refusal ? { userId, ok: false, error: refusal } : { userId, ok: true, until };
    });
  }

  /** Lifts mutes, members or not (a mute outlives leaving); lifting a mute that is not there is a success. */
  async unmute(ctx: RequestContext, command: UnmuteCommand): Promise<MuteResult[]> {
    const gc = await this.loader.load(ctx, command);
    assertAdmin(gc, 'unmute members');
    const muted = new Set((await this.mutes.findActive(gc.key, command.userIds)).map((m) => m.userId));
    await this.write(ctx, gc, [...muted], LIFTED);
    return command.userIds.map((userId) => ({ userId, ok: true, until: LIFTED }));
  }

  /** The mutes in force, in the order they were set: members read them (anyone, for chatrooms and public groups). */
  async list(ctx: RequestContext, command: ListModeratedCommand): Promise<Page<MuteEntry>> {
    const after = decodeCursor(command.cursor);
    const gc = await this.loader.loadReadable(ctx, command);
    const [page, total] = await Promise.all([this.mutes.listPage(gc.key, command.limit, after), this.mutes.countActive(gc.key)]);
    return { items: page.items.map(({ userId, until, at }) => ({ userId, until, at })), cursor: encodeCursor(page.next), total };
  }

  /** Each listed user's mute end in force now (ms, -1 permanent); expired and lifted mutes count as none. */
  async muteEnds(ctx: RequestContext, { groupId, userIds }: GroupUsersQuery): Promise<Record<string, number>> {
    const active = await this.mutes.findActive(groupKeyOf(ctx, groupId), userIds);
    return Object.fromEntries(active.map((mute) => [mute.userId, mute.until]));
  }

  /** Stores the mutes (or lifts) with their events in one command, then sends the events. */
  private async write(ctx: RequestContext, gc: GroupAccess, userIds: string[], until: number): Promise<void> {
    const groupId = gc.group.groupId;
    const mutes = userIds.map((userId) => ({
      userId,
      until,
      event: until === LIFTED ? this.outbox.prepare('member.unmuted', ctx, groupId, { userId }) : this.outbox.prepare('member.muted', ctx, groupId, { userId, until }),
    }));
    await this.mutes.setMany(gc.key, mutes, ctx.caller.userId);
    await this.outbox.flushBatch(this.mutes.outbox, mutes.map((m) => ({ filter: { ...gc.key, userId: m.userId }, event: m.event })));
  }
}
