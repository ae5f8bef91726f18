import { NatsConnectionHolder } from '@cohort/bus';
import type { GroupKey } from '@cohort/contracts';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Events, JSONCodec, type NatsConnection, type Subscription } from 'nats';

import type { StoredMember } from '../members/member.repository';
import type { RosterState } from './roster.repository';

/** Where every instance says which group's records it changed (core NATS, membership's own subjects). */
export const ROSTER_TOUCHED_SUBJECT = 'membership.cache.touched';
/** Groups kept per app (least recently used out first), and members per group. */
export const ROSTER_CACHE_GROUPS_PER_APP = 10_000;
export const ROSTER_CACHE_MEMBERS_PER_GROUP = 5_000;

/** A change of a group's records: its roster, and the named members (all of them: `userIds` null). */
interface Touched {
  appId: string;
  groupId: string;
  userIds: string[] | null;
}

interface Entry {
  /** Bumped by every change of the group: a fill that started before it is not stored. */
  generation: number;
  roster?: RosterState | null;
  /** Present members' records; null: not a member. */
  members: Map<string, StoredMember | null>;
}

const codec = JSONCodec<Touched>();

/**
 * This instance's copy of membership's own records that every read needs — a group's roster and
 * the records of the members a call names — read from the database on first need. Every write of
 * them says so on NATS (`touched`) before it is answered, on the connection commands arrive on, so
 * the next command after a write's answer, on any instance, is handled after its notice: reads see
 * their writes. Cleared when the connection drops, as notices may have been missed.
 */
@Injectable()
export class RosterReadCache implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RosterReadCache.name);
  private readonly apps = new Map<string, Map<string, Entry>>();
  private subscription: Subscription | null = null;
  private connection: NatsConnection | null = null;
  private generations = 0;

  constructor(private readonly holder: NatsConnectionHolder) {}

  async onApplicationBootstrap(): Promise<void> {
    const nc = await this.holder.get();
    this.connection = nc;
    this.subscription = nc.subscribe(ROSTER_TOUCHED_SUBJECT, {
      callback: (error, msg) => error || this.apply(msg.data),
    });
    void this.clearOnReconnect(nc);
  }

  beforeApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  /** Says that `key`'s roster changed, and the records of `userIds` (none by default; null: every member's). */
  touched(key: GroupKey, userIds: string[] | null = []): void {
    const notice: Touched = { appId: key.appId, groupId: key.groupId, userIds };
    this.forget(notice);
    // Without a connection (tests of repositories alone) there is no other instance to tell.
    this.connection?.publish(ROSTER_TOUCHED_SUBJECT, codec.encode(notice));
  }

  /** Runs a write of `key`'s records and says it is done (also when it failed: it may have applied). */
  async writing<T>(key: GroupKey, userIds: string[] | null, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.touched(key, userIds);
    }
  }

  async roster(key: GroupKey, fetch: () => Promise<RosterState | null>): Promise<RosterState | null> {
    const entry = this.entry(key);
    if (entry.roster !== undefined) return entry.roster;
    const generation = entry.generation;
    const roster = await fetch();
    if (this.isCurrent(key, entry, generation)) entry.roster = roster;
    return roster;
  }

  /** The present members among `userIds`. */
  async members(
    key: GroupKey,
    userIds: string[],
    fetch: (missing: string[]) => Promise<Map<string, StoredMember>>,
  ): Promise<Map<string, StoredMember>> {
    const entry = this.entry(key);
    const found = new Map<string, StoredMember>();
    const missing: string[] = [];
    for (const userId of new Set(userIds)) {
      const known = entry.members.get(userId);
      if (known) found.set(userId, known);
      else if (known === undefined) missing.push(userId);
    }
    if (missing.length === 0) return found;
    const generation = entry.generation;
    const fetched = await fetch(missing);
    const current = this.isCurrent(key, entry, generation);
    if (current && entry.members.size + missing.length > ROSTER_CACHE_MEMBERS_PER_GROUP) entry.members.clear();
    for (const userId of missing) {
      const member = fetched.get(userId) ?? null;
      if (member) found.set(userId, member);
      if (current) entry.members.set(userId, member);
    }
    return found;
  }

  private apply(data: Uint8Array): void {
    try {
      this.forget(codec.decode(data));
    } catch (error) {
      this.logger.warn(`undecodable notice ignored: ${String(error)}`);
    }
  }

  private forget({ appId, groupId, userIds }: Touched): void {
    const entry = this.apps.get(appId)?.get(groupId);
    if (!entry) return;
    entry.generation = ++this.generations;
    // Whatever changed a member may have changed the roster too (its count, its admins).
    entry.roster = undefined;
    if (userIds === null) entry.members.clear();
    else for (const userId of userIds) entry.members.delete(userId);
  }

  /** The group's entry, most recently used last (a Map keeps insertion order): the first is the eldest. */
  private entry({ appId, groupId }: GroupKey): Entry {
    let groups = this.apps.get(appId);
    if (!groups) this.apps.set(appId, (groups = new Map()));
    let entry = groups.get(groupId);
    if (entry) {
      groups.delete(groupId);
    } else {
      entry = { generation: ++this.generations, members: new Map() };
      if (groups.size >= ROSTER_CACHE_GROUPS_PER_APP) groups.delete(groups.keys().next().value as string);
    }
    groups.set(groupId, entry);
    return entry;
  }

  /** A fill is stored only into the entry it started from, and only if no change came meanwhile. */
  private isCurrent({ appId, groupId }: GroupKey, entry: Entry, generation: number): boolean {
    return this.apps.get(appId)?.get(groupId) === entry && entry.generation === generation;
  }

  private async clearOnReconnect(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect || status.type === Events.Reconnect) this.apps.clear();
    }
  }
}
