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
  /** 0: never read; what it holds came from events. */
  loadedAt: number;
  loading: Promise<void> | null;
}

export interface CachedFacts {
  group: GroupFacts;
  user: UserFacts;
  reads: number;
}

const groupKey = (appId: string, groupId: string) => `${appId}\n${groupId}`;
const userKey = (appId: string, groupId: string, userId: string) => `${appId}\n${groupId}\n${userId}`;

/**
 * Every instance receives every change's event. Only a newer fact replaces one, so an event that
 * arrives while a read is in flight, or before the projection stored it, is never undone by that
 * read.
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
