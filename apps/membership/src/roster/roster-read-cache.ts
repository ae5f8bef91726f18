import { NatsConnectionHolder } from '@cohort/bus';
import type { GroupKey } from '@cohort/contracts';
import { type GroupCacheEntry, GroupKeyedCache } from '@cohort/group-access';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';

import type { StoredMember } from '../members/member.repository';
import type { RosterState } from './roster.repository';

export const ROSTER_TOUCHED_SUBJECT = 'membership.cache.touched';
/** Groups kept per app (least recently used out first), and members per group. */
export const ROSTER_CACHE_GROUPS_PER_APP = 10_000;
export const ROSTER_CACHE_MEMBERS_PER_GROUP = 5_000;

/** `userIds` null: every member. */
interface Touched {
  appId: string;
  groupId: string;
  userIds: string[] | null;
}

interface Entry extends GroupCacheEntry {
  roster?: RosterState | null;
  members: Map<string, StoredMember | null>;
}

const codec = JSONCodec<Touched>();

/**
 * Every write says so on NATS before it is answered, on the connection commands arrive on, so the
 * next command after a write's answer, on any instance, is handled after its notice: reads see
 * their writes. Cleared when the connection drops, as notices may have been missed.
 */
@Injectable()
export class RosterReadCache implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RosterReadCache.name);
  private readonly table = new GroupKeyedCache<Entry>(() => ({ members: new Map() }), ROSTER_CACHE_GROUPS_PER_APP);
  private subscription: Subscription | null = null;
  private connection: NatsConnection | null = null;

  constructor(private readonly holder: NatsConnectionHolder) {}

  async onApplicationBootstrap(): Promise<void> {
    const nc = await this.holder.get();
    this.connection = nc;
    this.subscription = nc.subscribe(ROSTER_TOUCHED_SUBJECT, {
      callback: (error, msg) => error || this.apply(msg.data),
    });
    this.table.clearOnConnectionLoss(nc);
  }

  beforeApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  touched(key: GroupKey, userIds: string[] | null = []): void {
    const notice: Touched = { appId: key.appId, groupId: key.groupId, userIds };
    this.forget(notice);
    // Without a connection (tests of repositories alone) there is no other instance to tell.
    this.connection?.publish(ROSTER_TOUCHED_SUBJECT, codec.encode(notice));
  }

  /** Says so also when the write failed: it may have applied. */
  async writing<T>(key: GroupKey, userIds: string[] | null, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.touched(key, userIds);
    }
  }

  async roster(key: GroupKey, fetch: () => Promise<RosterState | null>): Promise<RosterState | null> {
    const entry = this.table.entry(key.appId, key.groupId);
    if (entry.roster !== undefined) return entry.roster;
    const generation = entry.generation;
    const roster = await fetch();
    if (this.table.isCurrent(key.appId, key.groupId, entry, generation)) entry.roster = roster;
    return roster;
  }

  async members(
    key: GroupKey,
    userIds: string[],
    fetch: (missing: string[]) => Promise<Map<string, StoredMember>>,
  ): Promise<Map<string, StoredMember>> {
    const { found } = await this.table.perUser(
      key.appId,
      key.groupId,
      userIds,
      (entry) => entry.members,
      async (missing) => {
        const members = await fetch(missing);
        return new Map(missing.map((userId) => [userId, members.get(userId) ?? null]));
      },
      ROSTER_CACHE_MEMBERS_PER_GROUP,
    );
    const members = new Map<string, StoredMember>();
    for (const [userId, member] of found) if (member) members.set(userId, member);
    return members;
  }

  private apply(data: Uint8Array): void {
    try {
      this.forget(codec.decode(data));
    } catch (error) {
      this.logger.warn(`undecodable notice ignored: ${String(error)}`);
    }
  }

  private forget({ appId, groupId, userIds }: Touched): void {
    const entry = this.table.changed(appId, groupId);
    if (!entry) return;
    // Whatever changed a member may have changed the roster too (its count, its admins).
    entry.roster = undefined;
    if (userIds === null) entry.members.clear();
    else for (const userId of userIds) entry.members.delete(userId);
  }
}
