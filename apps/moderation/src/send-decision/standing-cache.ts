import type { DomainEvent } from '@cohort/contracts';
import { sendDecisionCacheLookups } from '@cohort/observability';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { ModerationEnv } from '../config/moderation.config';
import { factsOf } from '../projections/event-facts';
import { OwnerCheckedGroupFacts } from '../projections/owner-checked-group-facts';
import { OwnerCheckedRoles } from '../projections/owner-checked-roles';
import { type GroupFacts, mergeNewer, replaces, type UserFacts } from '../standings/facts';

interface CacheEntry<F> {
  facts: F;
  /** When its facts were last read from the database (0: never; what it holds came from events). */
  loadedAt: number;
  /** The read in flight, shared by the decisions waiting for it. */
  loading: Promise<void> | null;
}

/** Reads of the database a decision caused (0 when the cache had everything). */
export interface CachedFacts {
  group: GroupFacts;
  user: UserFacts;
  reads: number;
}

const groupKey = (appId: string, groupId: string) => `${appId}\n${groupId}`;
const userKey = (appId: string, groupId: string, userId: string) => `${appId}\n${groupId}\n${userId}`;

/**
 * What the send decision knows of groups and users, per instance: facts read from the database
 * once (one keyed read per group, one per user in a group) and kept right by events — every
 * instance receives every change's event, whichever instance or service made it. Each fact keeps
 * the time of the change behind it and only a newer one replaces it, so an event that arrives
 * while a read is in flight, or before the durable projection stored it, is never undone by that
 * read. A fact with an end (a mute, mute-all) is compared with the clock at each decision.
 */
// The cache metric's four label sets, made once: read() runs for every send decision.
const GROUP_HIT = { facts: 'group', result: 'hit' } as const;
const GROUP_MISS = { facts: 'group', result: 'miss' } as const;
const USER_HIT = { facts: 'user', result: 'hit' } as const;
const USER_MISS = { facts: 'user', result: 'miss' } as const;

@Injectable()
export class StandingCache {
  private readonly groups = new Map<string, CacheEntry<GroupFacts>>();
  private readonly users = new Map<string, CacheEntry<UserFacts>>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;

  constructor(
    private readonly standings: OwnerCheckedRoles,
    private readonly groupFacts: OwnerCheckedGroupFacts,
    config: ConfigService<ModerationEnv, true>,
  ) {
    this.maxEntries = config.get('SEND_CACHE_MAX_USERS', { infer: true });
    this.ttlMs = config.get('SEND_CACHE_TTL_MS', { infer: true });
  }

  /** Applies the facts of an event to the entries they concern; an entry not cached yet starts from them. */
  applyEvent(event: DomainEvent): void {
    const { at, facts } = factsOf(event);
    for (const change of facts) {
      const fact = { value: change.value, at };
      const entry: CacheEntry<Record<string, { at: number } | undefined>> =
        change.about === 'group'
          ? this.entry(this.groups, groupKey(event.appId, event.groupId))
          : this.entry(this.users, userKey(event.appId, event.groupId, change.userId));
      if (replaces(entry.facts[change.fact], fact)) entry.facts[change.fact] = fact;
    }
  }

  /** The group's and the user's facts; what is missing or older than the TTL is read first (both reads at once). */
  read(appId: string, groupId: string, userId: string, now: number): CachedFacts | Promise<CachedFacts> {
    const group = this.entry(this.groups, groupKey(appId, groupId));
    const user = this.entry(this.users, userKey(appId, groupId, userId));
    const groupFresh = this.isFresh(group, now);
    const userFresh = this.isFresh(user, now);
    sendDecisionCacheLookups.inc(groupFresh ? GROUP_HIT : GROUP_MISS);
    sendDecisionCacheLookups.inc(userFresh ? USER_HIT : USER_MISS);
    const reads = [
      groupFresh ? null : this.load(group, now, () => this.groupFacts.get({ appId, groupId })),
      userFresh ? null : this.load(user, now, () => this.standings.get({ appId, groupId }, userId)),
    ].filter((read): read is Promise<void> => read !== null);
    const cached = (): CachedFacts => ({ group: group.facts, user: user.facts, reads: reads.length });
    return reads.length === 0 ? cached() : Promise.all(reads).then(cached);
  }

  /** Forgets everything (events may have been missed while NATS was unreachable). */
  clear(): void {
    this.groups.clear();
    this.users.clear();
  }

  get size(): { groups: number; users: number } {
    return { groups: this.groups.size, users: this.users.size };
  }

  private isFresh(entry: CacheEntry<object>, now: number): boolean {
    return entry.loadedAt > 0 && now - entry.loadedAt < this.ttlMs;
  }

  private load<F extends object>(entry: CacheEntry<F>, now: number, read: () => Promise<F>): Promise<void> {
    entry.loading ??= read()
      .then((stored) => {
        mergeNewer(entry.facts as Record<string, never>, stored as Record<string, never>);
        entry.loadedAt = now;
      })
      .finally(() => {
        entry.loading = null;
      });
    return entry.loading;
  }

  /** The entry of `key`, created empty if absent; past the size limit the oldest entry goes. */
  private entry<F extends object>(map: Map<string, CacheEntry<F>>, key: string): CacheEntry<F> {
    let entry = map.get(key);
    if (!entry) {
      entry = { facts: {} as F, loadedAt: 0, loading: null };
      map.set(key, entry);
      if (map.size > this.maxEntries) map.delete(map.keys().next().value as string);
    }
    return entry;
  }
}
