import { NatsConnectionHolder } from '@cohort/bus';
import {
  type AccessView,
  type AnnouncementView,
  type DomainEvent,
  eventSubject,
  type EventType,
  type GroupView,
  isInForce,
  type MemberNaming,
  type MemberRole,
  type MemberView,
} from '@cohort/contracts';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JSONCodec, type Subscription } from 'nats';

import { type GroupCacheEntry, GroupKeyedCache } from './group-keyed-cache';

const codec = JSONCodec<DomainEvent>();

export const PEER_CACHE_GROUPS_PER_APP = 10_000;
export const PEER_CACHE_USERS_PER_GROUP = 5_000;

const GROUP_RECORD_EVENTS: EventType[] = [
  'group.updated',
  'group.settings_changed',
  'group.mute_all_changed',
  'group.destroyed',
  'group.owner_transferred',
];
const ROLE_EVENTS: EventType[] = ['member.joined', 'member.left', 'member.role_changed'];
const BLOCK_EVENTS: EventType[] = ['member.blocked', 'member.unblocked'];
const MUTE_EVENTS: EventType[] = ['member.muted', 'member.unmuted'];
/** A member's name in the group changes with their own settings; joining and leaving make or end the record. */
const PROFILE_EVENTS: EventType[] = ['member.joined', 'member.left', 'member.settings_changed'];
/** The roster's count changes with every join and leave, its owner and capacity with the record's events. */
const ROSTER_EVENTS: EventType[] = [...GROUP_RECORD_EVENTS, 'member.joined', 'member.left'];
const ANNOUNCEMENT_EVENTS: EventType[] = ['announcement.published', 'announcement.deleted', 'group.destroyed'];
const EVERY_EVENT = [
  ...new Set([
    ...ROSTER_EVENTS,
    ...ROLE_EVENTS,
    ...BLOCK_EVENTS,
    ...MUTE_EVENTS,
    ...PROFILE_EVENTS,
    ...ANNOUNCEMENT_EVENTS,
  ]),
];

interface GroupEntry extends GroupCacheEntry {
  record?: GroupView;
  roster?: AccessView | null;
  announcement?: AnnouncementView | null;
  roles: Map<string, MemberRole | null>;
  naming: Map<string, MemberNaming | null>;
  blocked: Map<string, boolean>;
  /** An end that has passed is not a mute. */
  muteEnds: Map<string, number | null>;
}

/**
 * Kept right by the owners' events on the bus's own connection: an owner publishes a change's event
 * before it answers, and NATS keeps one connection's order, so the next command after a write's
 * answer never reads what the write replaced, whichever instance answers. Cleared when the
 * connection drops, as events may have been missed.
 */
@Injectable()
export class PeerFactCache implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PeerFactCache.name);
  private readonly table = new GroupKeyedCache<GroupEntry>(
    () => ({ roles: new Map(), naming: new Map(), blocked: new Map(), muteEnds: new Map() }),
    PEER_CACHE_GROUPS_PER_APP,
  );
  private readonly subscriptions: Subscription[] = [];
  private misses = 0;
  private hits = 0;

  constructor(private readonly holder: NatsConnectionHolder) {}

  async onApplicationBootstrap(): Promise<void> {
    const nc = await this.holder.get();
    for (const type of EVERY_EVENT) {
      this.subscriptions.push(
        nc.subscribe(eventSubject(type), { callback: (error, msg) => error || this.apply(msg.data) }),
      );
    }
    this.table.clearOnConnectionLoss(nc);
  }

  beforeApplicationShutdown(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  stats(): { hits: number; misses: number } {
    return { hits: this.hits, misses: this.misses };
  }

  record(appId: string, groupId: string, fetch: () => Promise<GroupView>): Promise<GroupView> {
    return this.groupFact(appId, groupId, 'record', fetch);
  }

  announcement(
    appId: string,
    groupId: string,
    fetch: () => Promise<AnnouncementView | null>,
  ): Promise<AnnouncementView | null> {
    return this.groupFact(appId, groupId, 'announcement', fetch);
  }

  /** The rosters of the named groups (absent: no roster); the missing ones asked of the owner at once. */
  async rosters(
    appId: string,
    groupIds: string[],
    fetch: (missing: string[]) => Promise<AccessView[]>,
  ): Promise<Map<string, AccessView>> {
    const entries = new Map(groupIds.map((groupId) => [groupId, this.table.entry(appId, groupId)]));
    const missing = new Map(
      [...entries].flatMap(([id, entry]) => (entry.roster === undefined ? [[id, entry.generation]] : [])),
    );
    const fetched = missing.size ? await this.miss(() => fetch([...missing.keys()])) : this.hit([]);
    const byGroup = new Map(fetched.map((roster) => [roster.groupId, roster]));
    const rosters = new Map<string, AccessView>();
    for (const [groupId, entry] of entries) {
      const generation = missing.get(groupId);
      const roster = generation === undefined ? entry.roster : (byGroup.get(groupId) ?? null);
      if (generation !== undefined && this.table.isCurrent(appId, groupId, entry, generation)) entry.roster = roster;
      if (roster) rosters.set(groupId, roster);
    }
    return rosters;
  }

  roles(
    appId: string,
    groupId: string,
    userIds: string[],
    fetch: (missing: string[]) => Promise<Record<string, MemberRole>>,
  ): Promise<Map<string, MemberRole>> {
    return this.ofMembers(
      appId,
      groupId,
      userIds,
      (entry) => entry.roles,
      async (missing) => {
        const roles = await fetch(missing);
        return new Map(Object.entries(roles));
      },
    );
  }

  naming(
    appId: string,
    groupId: string,
    userIds: string[],
    fetch: (missing: string[]) => Promise<MemberView[]>,
  ): Promise<Map<string, MemberNaming>> {
    return this.ofMembers(
      appId,
      groupId,
      userIds,
      (entry) => entry.naming,
      async (missing) => {
        const members = await fetch(missing);
        return new Map(members.map((m) => [m.userId, { displayName: m.displayName, joinedAt: m.joinedAt }]));
      },
    );
  }

  async blockedAmong(
    appId: string,
    groupId: string,
    userIds: string[],
    fetch: (missing: string[]) => Promise<string[]>,
  ): Promise<Set<string>> {
    const found = await this.perUser(
      appId,
      groupId,
      userIds,
      (entry) => entry.blocked,
      async (missing) => {
        const blocked = new Set(await fetch(missing));
        return new Map(missing.map((userId) => [userId, blocked.has(userId)]));
      },
    );
    return new Set([...found].filter(([, blocked]) => blocked).map(([userId]) => userId));
  }

  async muteEnds(
    appId: string,
    groupId: string,
    userIds: string[],
    fetch: (missing: string[]) => Promise<Record<string, number>>,
    now = Date.now(),
  ): Promise<Map<string, number>> {
    const found = await this.perUser(
      appId,
      groupId,
      userIds,
      (entry) => entry.muteEnds,
      async (missing) => {
        const ends = await fetch(missing);
        return new Map(missing.map((userId) => [userId, ends[userId] ?? null]));
      },
    );
    const ends = new Map<string, number>();
    for (const [userId, end] of found) if (end !== null && isInForce(end, now)) ends.set(userId, end);
    return ends;
  }

  /** A fact of members only: users the owner leaves out are kept as no member (null) and answered absent. */
  private async ofMembers<V>(
    appId: string,
    groupId: string,
    userIds: string[],
    facts: (entry: GroupEntry) => Map<string, V | null>,
    fetch: (missing: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const found = await this.perUser(appId, groupId, userIds, facts, async (missing) => {
      const fetched = await fetch(missing);
      return new Map(missing.map((userId) => [userId, fetched.get(userId) ?? null]));
    });
    const present = new Map<string, V>();
    for (const [userId, value] of found) if (value !== null) present.set(userId, value);
    return present;
  }

  private async perUser<V>(
    appId: string,
    groupId: string,
    userIds: string[],
    facts: (entry: GroupEntry) => Map<string, V>,
    fetch: (missing: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const { found, fetched } = await this.table.perUser(
      appId,
      groupId,
      userIds,
      facts,
      fetch,
      PEER_CACHE_USERS_PER_GROUP,
    );
    if (fetched) this.misses += 1;
    else this.hits += 1;
    return found;
  }

  private apply(data: Uint8Array): void {
    let event: DomainEvent;
    try {
      event = codec.decode(data);
    } catch (error) {
      this.logger.warn(`undecodable event ignored: ${String(error)}`);
      return;
    }
    const entry = this.table.changed(event.appId, event.groupId);
    if (!entry) return;
    if (GROUP_RECORD_EVENTS.includes(event.type)) entry.record = undefined;
    if (ROSTER_EVENTS.includes(event.type)) entry.roster = undefined;
    if (ANNOUNCEMENT_EVENTS.includes(event.type)) entry.announcement = undefined;
    if (event.type === 'group.destroyed' || event.type === 'group.owner_transferred') entry.roles.clear();
    if (event.type === 'group.destroyed') entry.naming.clear();
    const userId = (event.data as { userId?: unknown }).userId;
    if (typeof userId !== 'string') return;
    if (ROLE_EVENTS.includes(event.type)) entry.roles.delete(userId);
    if (PROFILE_EVENTS.includes(event.type)) entry.naming.delete(userId);
    if (BLOCK_EVENTS.includes(event.type)) entry.blocked.delete(userId);
    if (MUTE_EVENTS.includes(event.type)) entry.muteEnds.delete(userId);
  }

  /** A fact about the whole group in `slot`, asked of its owner once and kept unless the group changed meanwhile. */
  private async groupFact<F extends 'record' | 'announcement'>(
    appId: string,
    groupId: string,
    slot: F,
    fetch: () => Promise<NonNullable<GroupEntry[F]> | null>,
  ): Promise<Exclude<GroupEntry[F], undefined>> {
    type Fact = Exclude<GroupEntry[F], undefined>;
    const entry = this.table.entry(appId, groupId);
    if (entry[slot] !== undefined) return this.hit(entry[slot] as Fact);
    const generation = entry.generation;
    const value = (await this.miss(fetch)) as Fact;
    if (this.table.isCurrent(appId, groupId, entry, generation)) entry[slot] = value;
    return value;
  }

  private hit<T>(value: T): T {
    this.hits += 1;
    return value;
  }

  private miss<T>(fetch: () => Promise<T>): Promise<T> {
    this.misses += 1;
    return fetch();
  }
}
