import type { RequestContext } from '@cohort/bus';
import {
  groupKeyOf,
  type GroupUsersQuery,
  type ListMutesCommand,
  type MuteCommand,
  type MuteEntry,
  type MuteResult,
  type Page,
  PERMANENT,
  type UnmuteCommand,
} from '@cohort/contracts';
import { assertAdmin, type GroupAccess, GroupAccessLoader, PeerFacts } from '@cohort/group-access';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { refuseAll, targetRefusal } from '../rules/moderation.policy';
import { ListChanges } from '../standings/list-changes';
import { ReadableGroups } from '../standings/readable-groups';
import { StandingRepository } from '../standings/standing.repository';

/** 0 in a mute's end: not muted (lifted). */
const LIFTED = 0;

@Injectable()
export class MutesService {
  constructor(
    private readonly loader: GroupAccessLoader,
    private readonly readable: ReadableGroups,
    private readonly standings: StandingRepository,
    private readonly changes: ListChanges,
    private readonly outbox: Outbox,
    private readonly facts: PeerFacts,
  ) {}

  /**
   * Per target in request order: members only, never the owner, admins only by the owner. With
   * `allOrNothing`, one such refusal refuses the request and nothing changes.
   */
  async mute(ctx: RequestContext, command: MuteCommand): Promise<MuteResult[]> {
    const { userIds, durationMs, allOrNothing } = command;
    const access = await this.loader.load(ctx, command, userIds);
    assertAdmin(access, 'mute members');
    const refusals = new Map(userIds.map((userId) => [userId, targetRefusal(access, userId, 'mute')] as const));
    if (allOrNothing) refuseAll(userIds, refusals);
    const until = durationMs === 0 ? LIFTED : durationMs === PERMANENT ? PERMANENT : Date.now() + durationMs;
    const targets = [...new Set(userIds)].filter((userId) => !refusals.get(userId));
    await this.write(ctx, access, targets, until);
    return userIds.map((userId) => {
      const refusal = refusals.get(userId);
      return refusal ? { userId, ok: false, error: refusal } : { userId, ok: true, until };
    });
  }

  /** Members or not: a mute outlives leaving. An admin lifts no admin's mute, their own included. */
  async unmute(ctx: RequestContext, command: UnmuteCommand): Promise<MuteResult[]> {
    const access = await this.loader.load(ctx, command, command.userIds);
    assertAdmin(access, 'unmute members');
    const refusals = new Map(
      command.userIds.map((userId) => [userId, targetRefusal(access, userId, 'unmute')] as const),
    );
    const allowed = command.userIds.filter((userId) => !refusals.get(userId));
    const muted = await this.standings.findListed(access.key, 'mute', allowed);
    await this.write(
      ctx,
      access,
      muted.map((m) => m.userId),
      LIFTED,
    );
    return command.userIds.map((userId) => {
      const refusal = refusals.get(userId);
      return refusal ? { userId, ok: false, error: refusal } : { userId, ok: true, until: LIFTED };
    });
  }

  /**
   * The mutes in force, in the order they were set: members read them (anyone, for chatrooms and
   * public groups); `withMembers`, with the muted users' names and join times (PeerFacts).
   */
  async list(ctx: RequestContext, command: ListMutesCommand): Promise<Page<MuteEntry>> {
    const after = decodeCursor(command.cursor);
    const access = await this.readable.load(ctx, command);
    const [page, total] = await Promise.all([
      this.standings.listPage(access.key, 'mute', command.limit, after),
      this.standings.count(access.key, 'mute'),
    ]);
    const items: MuteEntry[] = page.items.map(({ userId, value, at }) => ({ userId, until: value, at }));
    return {
      items: command.withMembers ? await this.named(ctx, command.groupId, items) : items,
      cursor: encodeCursor(page.next),
      total,
    };
  }

  private async named(ctx: RequestContext, groupId: string, mutes: MuteEntry[]): Promise<MuteEntry[]> {
    const members = await this.facts.naming(
      ctx,
      groupId,
      mutes.map((mute) => mute.userId),
    );
    return mutes.map((mute) => ({ ...mute, member: members.get(mute.userId) ?? null }));
  }

  /** Each listed user's mute end in force now (ms, -1 permanent); expired and lifted mutes count as none. */
  async muteEnds(ctx: RequestContext, { groupId, userIds }: GroupUsersQuery): Promise<Record<string, number>> {
    const muted = await this.standings.findListed(groupKeyOf(ctx, groupId), 'mute', userIds);
    return Object.fromEntries(muted.map((mute) => [mute.userId, mute.value]));
  }

  private async write(ctx: RequestContext, access: GroupAccess, userIds: string[], until: number): Promise<void> {
    const groupId = access.group.groupId;
    await this.changes.write(ctx, access, 'mute', userIds, until, (userId) =>
      until === LIFTED
        ? this.outbox.prepare('member.unmuted', ctx, groupId, { userId })
        : this.outbox.prepare('member.muted', ctx, groupId, { userId, until }),
    );
  }
}
