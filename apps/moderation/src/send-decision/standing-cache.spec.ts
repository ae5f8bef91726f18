import type { DomainEvent, EventMap, EventType } from '@cohort/contracts';
import type { ConfigService } from '@nestjs/config';

import type { ModerationEnv } from '../config/moderation.config';
import type { OwnerCheckedGroupFacts } from '../projections/owner-checked-group-facts';
import type { OwnerCheckedRoles } from '../projections/owner-checked-roles';
import type { GroupFacts, UserFacts } from '../standings/facts';
import { type CachedFacts, StandingCache } from './standing-cache';

const T0 = 1_700_000_000_000;

function event<K extends EventType>(type: K, data: EventMap[K], at: number, groupId = '1'): DomainEvent {
  return {
    eventId: `${type}:${at}`,
    type,
    occurredAt: new Date(at).toISOString(),
    appId: 'a',
    groupId,
    actor: { userId: null, isAppAdmin: true },
    correlationId: 'c',
    data,
  } as DomainEvent;
}

/** A cache over stub repositories whose reads the test resolves by hand. */
function cacheOver(options: { maxUsers?: number; ttlMs?: number } = {}) {
  const userReads: ((facts: UserFacts) => void)[] = [];
  const groupReads: ((facts: GroupFacts) => void)[] = [];
  const standings = {
    get: jest.fn(() => new Promise<UserFacts>((resolve) => userReads.push(resolve))),
  } as unknown as OwnerCheckedRoles;
  const groupFacts = {
    get: jest.fn(() => new Promise<GroupFacts>((resolve) => groupReads.push(resolve))),
  } as unknown as OwnerCheckedGroupFacts;
  const settings: Record<string, number> = {
    SEND_CACHE_MAX_USERS: options.maxUsers ?? 1000,
    SEND_CACHE_TTL_MS: options.ttlMs ?? 60_000,
  };
  const config = { get: (name: string) => settings[name] } as unknown as ConfigService<ModerationEnv, true>;
  return { cache: new StandingCache(standings, groupFacts, config), standings, groupFacts, userReads, groupReads };
}

const created = { life: { value: true, at: T0 }, muteAll: { value: null, at: T0 } };
const member = { role: { value: 'member' as const, at: T0 } };

describe('StandingCache', () => {
  it('reads a new group and user once (together), then answers without reading', async () => {
    const { cache, standings, groupFacts, userReads, groupReads } = cacheOver();
    const cold = cache.read('a', '1', 'u', T0 + 10) as Promise<CachedFacts>;
    expect(cold).toBeInstanceOf(Promise);
    groupReads[0](created);
    userReads[0](member);
    expect(await cold).toEqual({ group: created, user: member, reads: 2 });
    expect(cache.read('a', '1', 'u', T0 + 20)).toEqual({ group: created, user: member, reads: 0 });
    expect(cache.read('a', '1', 'other', T0 + 20)).toBeInstanceOf(Promise);
    expect(groupFacts.get).toHaveBeenCalledTimes(1);
    expect(standings.get).toHaveBeenCalledTimes(2);
  });

  it('an event that arrives while a read is in flight is not undone by the (older) stored facts', async () => {
    const { cache, userReads, groupReads } = cacheOver();
    const cold = cache.read('a', '1', 'u', T0 + 10) as Promise<CachedFacts>;
    cache.applyEvent(event('member.muted', { userId: 'u', until: -1 }, T0 + 5));
    groupReads[0](created);
    userReads[0]({ ...member, mute: { value: 0, at: T0 } });
    expect((await cold).user.mute).toEqual({ value: -1, at: T0 + 5 });
  });

  it('an event about a user not cached yet is kept for their first read (the database may not have it yet)', async () => {
    const { cache, userReads, groupReads } = cacheOver();
    cache.applyEvent(event('group.created', { muteAllUntil: null } as EventMap['group.created'], T0));
    cache.applyEvent(event('member.joined', { userId: 'u', role: 'admin', how: 'added' }, T0 + 1));
    const cold = cache.read('a', '1', 'u', T0 + 10) as Promise<CachedFacts>;
    groupReads[0]({});
    userReads[0]({});
    expect(await cold).toMatchObject({
      group: { life: { value: true } },
      user: { role: { value: 'admin', at: T0 + 1 } },
    });
  });

  it('applies events to cached entries newest-first: a late, older event changes nothing', async () => {
    const { cache, userReads, groupReads } = cacheOver();
    const cold = cache.read('a', '1', 'u', T0) as Promise<CachedFacts>;
    groupReads[0](created);
    userReads[0](member);
    await cold;
    cache.applyEvent(event('member.left', { userId: 'u', role: 'member', how: 'kicked' }, T0 + 100));
    cache.applyEvent(event('member.role_changed', { userId: 'u', role: 'admin', previousRole: 'member' }, T0 + 50));
    cache.applyEvent(event('group.mute_all_changed', { until: -1 }, T0 + 100));
    const warm = cache.read('a', '1', 'u', T0 + 200) as CachedFacts;
    expect(warm.user.role).toEqual({ value: null, at: T0 + 100 });
    expect(warm.user.allow).toEqual({ value: false, at: T0 + 100 });
    expect(warm.group.muteAll).toEqual({ value: -1, at: T0 + 100 });
  });

  it('reads again after the TTL, keeping newer facts learnt from events', async () => {
    const { cache, userReads, groupReads } = cacheOver({ ttlMs: 1000 });
    const first = cache.read('a', '1', 'u', T0) as Promise<CachedFacts>;
    groupReads[0](created);
    userReads[0](member);
    await first;
    cache.applyEvent(event('member.blocked', { userId: 'u' }, T0 + 500));
    const again = cache.read('a', '1', 'u', T0 + 1500) as Promise<CachedFacts>;
    expect(again).toBeInstanceOf(Promise);
    groupReads[1](created);
    userReads[1](member);
    expect((await again).user).toEqual({ ...member, block: { value: true, at: T0 + 500 } });
  });

  it('holds at most the configured number of users; the oldest go first; clear() forgets everything', async () => {
    const { cache } = cacheOver({ maxUsers: 2 });
    for (const userId of ['u1', 'u2', 'u3'])
      cache.applyEvent(event('member.joined', { userId, role: 'member', how: 'added' }, T0));
    expect(cache.size).toEqual({ groups: 0, users: 2 });
    cache.clear();
    expect(cache.size).toEqual({ groups: 0, users: 0 });
  });
});
