import { Events, type NatsConnection } from 'nats';

export interface GroupCacheEntry {
  generation: number;
}

/**
 * Bounded per app (least recently used out first); each entry's generation tells a fill whether its
 * group changed while it was in flight: such a fill answers its caller but is not stored.
 */
export class GroupKeyedCache<E extends GroupCacheEntry> {
  private readonly apps = new Map<string, Map<string, E>>();
  private generations = 0;

  constructor(
    private readonly empty: () => Omit<E, 'generation'>,
    private readonly groupsPerApp: number,
  ) {}

  /** A Map keeps insertion order: re-inserting makes it the most recently used. */
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

  changed(appId: string, groupId: string): E | undefined {
    const entry = this.apps.get(appId)?.get(groupId);
    if (entry) entry.generation = ++this.generations;
    return entry;
  }

  isCurrent(appId: string, groupId: string, entry: E, generation: number): boolean {
    return this.apps.get(appId)?.get(groupId) === entry && entry.generation === generation;
  }

  /** The map starts over past `maxUsers`; `fetched` says whether the owner was asked. */
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

  clearOnConnectionLoss(nc: NatsConnection): void {
    forgetOnConnectionLoss(nc, () => this.clear());
  }
}

/** A cache kept by messages may have missed some while `nc` was away. */
export function forgetOnConnectionLoss(nc: NatsConnection, forget: () => void): void {
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect || status.type === Events.Reconnect) forget();
    }
  })();
}
