import { NatsConnectionHolder } from '@cohort/bus';
import {
  type DomainEvent,
  eventSubject,
  type EventType,
  type GroupView,
  isInForce,
  type MemberRole,
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

interface GroupEntry extends GroupCacheEntry {
  record?: GroupView;
  roles: Map<string, MemberRole | null>;
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
    () => ({ roles: new Map(), blocked: new Map(), muteEnds: new Map() }),
    PEER_CACHE_GROUPS_PER_APP,
  );
  private readonly subscriptions: Subscription[] = [];
  private misses = 0;
  private hits = 0;

  constructor(private readonly holder: NatsConnectionHolder) {}

  async onApplicationBootstrap(): Promise<void> {
    const nc = await this.holder.get();
    for (const type of [...GROUP_RECORD_EVENTS, ...ROLE_EVENTS, ...BLOCK_EVENTS, ...MUTE_EVENTS]) {
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

  async record(appId: string, groupId: string, fetch: () => Promise<GroupView>): Promise<GroupView> {
    const entry = this.table.entry(appId, groupId);
    if (entry.record) return this.hit(entry.record);
    const generation = entry.generation;
    const record = await this.miss(fetch);
    if (this.table.isCurrent(appId, groupId, entry, generation)) entry.record = record;
    return record;
  }

  async roles(
    appId: string,
    groupId: string,
    userIds: string[],
    fetch: (missing: string[]) => Promise<Record<string, MemberRole>>,
  ): Promise<Map<string, MemberRole>> {
    const found = await this.perUser(
      appId,
      groupId,
      userIds,
      (entry) => entry.roles,
      async (missing) => {
        const roles = await fetch(missing);
        return new Map(missing.map((userId) => [userId, roles[userId] ?? null]));
      },
    );
    const roles = new Map<string, MemberRole>();
    for (const [userId, role] of found) if (role) roles.set(userId, role);
    return roles;
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
    if (event.type === 'group.destroyed' || event.type === 'group.owner_transferred') entry.roles.clear();
    const userId = (event.data as { userId?: unknown }).userId;
    if (typeof userId !== 'string') return;
    if (ROLE_EVENTS.includes(event.type)) entry.roles.delete(userId);
    if (BLOCK_EVENTS.includes(event.type)) entry.blocked.delete(userId);
    if (MUTE_EVENTS.includes(event.type)) entry.muteEnds.delete(userId);
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
