import { Events, type NatsConnection } from 'nats';

/** What every cached group carries: bumped by every change of the group. */
export interface GroupCacheEntry {
  generation: number;
}

/**
 * The table under a per-instance cache of group facts: an entry per group, bounded per app (least
 * recently used out first), each with a generation that tells a fill whether a change of its group
 * came while it was in flight — such a fill answers its caller but is not stored (it may predate
 * the change).
 */
export class GroupKeyedCache<E extends GroupCacheEntry> {
  private readonly apps = new Map<string, Map<string, E>>();
  private generations = 0;

  constructor(
    private readonly empty: () => Omit<E, 'generation'>,
    private readonly groupsPerApp: number,
  ) {}

  /** The group's entry (created empty if absent), made the most recently used: a Map keeps insertion order. */
  entry(appId: string, groupId: string): E {
    let groups = this.apps.get(appId);
    if (!groups) this.apps.set(appId, (groups = new Map()));
    let entry = groups.get(groupId);
    if (entry) {
      groups.delete(groupId);
    } else {
      entry = { ...this.empty(), generation: ++this.generations } as E;
      if (groups.size >= this.groupsPerApp) groups.delete(groups.keys().next().value as string);
    }
    groups.set(groupId, entry);
    return entry;
  }

  /** The group's entry if it is cached, its generation bumped: the group has just changed. */
  changed(appId: string, groupId: string): E | undefined {
    const entry = this.apps.get(appId)?.get(groupId);
    if (entry) entry.generation = ++this.generations;
    return entry;
  }

  /** A fill may be stored only into the entry it started from, and only if no change came meanwhile. */
  isCurrent(appId: string, groupId: string, entry: E, generation: number): boolean {
    return this.apps.get(appId)?.get(groupId) === entry && entry.generation === generation;
  }

  /**
   * Facts of users in one group (`known`, a map of the entry): those known are answered, the missing
   * ones fetched at once and kept unless the group changed meanwhile (the map starts over past
   * `maxUsers`). `fetched` says whether the owner was asked.
   */
  async perUser<V>(
    appId: string,
    groupId: string,
    userIds: string[],
    known: (entry: E) => Map<string, V>,
    fetch: (missing: string[]) => Promise<Map<string, V>>,
    maxUsers: number,
  ): Promise<{ found: Map<string, V>; fetched: boolean }> {
    const entry = this.entry(appId, groupId);
    const facts = known(entry);
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const userId of new Set(userIds)) {
      if (facts.has(userId)) found.set(userId, facts.get(userId) as V);
      else missing.push(userId);
    }
    if (missing.length === 0) return { found, fetched: false };
    const generation = entry.generation;
    const fetched = await fetch(missing);
    const current = this.isCurrent(appId, groupId, entry, generation);
    if (current && facts.size + fetched.size > maxUsers) facts.clear();
    for (const [userId, value] of fetched) {
      found.set(userId, value);
      if (current) facts.set(userId, value);
    }
    return { found, fetched: true };
  }

  clear(): void {
    this.apps.clear();
  }

  /** Forgets everything whenever `nc` drops or comes back: changes may have been missed meanwhile. */
  clearOnConnectionLoss(nc: NatsConnection): void {
    forgetOnConnectionLoss(nc, () => this.clear());
  }
}

/** Calls `forget` whenever `nc` drops or comes back: a cache kept by messages may have missed some. */
export function forgetOnConnectionLoss(nc: NatsConnection, forget: () => void): void {
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect || status.type === Events.Reconnect) forget();
    }
  })();
}
