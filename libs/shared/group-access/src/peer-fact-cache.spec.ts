import type { NatsConnectionHolder } from '@cohort/bus';
import type {
  AccessView,
  AnnouncementView,
  DomainEvent,
  EventType,
  GroupView,
  MemberRole,
  MemberView,
} from '@cohort/contracts';
import { JSONCodec, type Msg, type NatsConnection } from 'nats';

import { PeerFactCache } from './peer-fact-cache';

const codec = JSONCodec<DomainEvent>();

/** A connection whose subscriptions the test feeds by hand, in order, as NATS would. */
function fakeConnection() {
  const callbacks = new Map<string, (error: null, msg: Msg) => void>();
  const nc = {
    subscribe: (subject: string, options: { callback: (error: null, msg: Msg) => void }) => {
      callbacks.set(subject, options.callback);
      return { unsubscribe: () => callbacks.delete(subject) };
    },
    status: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }) }),
  } as unknown as NatsConnection;
  const publish = <K extends EventType>(type: K, groupId: string, data: DomainEvent<K>['data']) => {
    const event = {
      eventId: `${type}:${groupId}`,
      type,
      occurredAt: '',
      appId: 'app',
      groupId,
      actor: { userId: null, isAppAdmin: true },
      correlationId: 'c',
      data,
    } as DomainEvent;
    callbacks.get(`evt.${type}`)?.(null, { data: codec.encode(event) } as Msg);
  };
  return { holder: { get: () => Promise.resolve(nc) } as unknown as NatsConnectionHolder, publish };
}

const record = (name: string): GroupView => ({ groupId: 'g', name }) as GroupView;

async function started() {
  const { holder, publish } = fakeConnection();
  const cache = new PeerFactCache(holder);
  await cache.onApplicationBootstrap();
  return { cache, publish };
}

describe('PeerFactCache', () => {
  it('asks the owner once, then answers from memory', async () => {
    const { cache } = await started();
    const fetch = jest.fn().mockResolvedValue(record('a'));
    await cache.record('app', 'g', fetch);
    expect(await cache.record('app', 'g', fetch)).toEqual(record('a'));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(cache.stats()).toEqual({ hits: 1, misses: 1 });
  });

  it('forgets a group record on its change events: the next read asks the owner again', async () => {
    const { cache, publish } = await started();
    await cache.record('app', 'g', () => Promise.resolve(record('before')));
    publish('group.updated', 'g', { changed: { name: 'after' } });
    expect(await cache.record('app', 'g', () => Promise.resolve(record('after')))).toEqual(record('after'));
  });

  it('does not keep a fill that an event overtook (it may predate the change)', async () => {
    const { cache, publish } = await started();
    let answer!: (view: GroupView) => void;
    const inFlight = cache.record('app', 'g', () => new Promise<GroupView>((resolve) => (answer = resolve)));
    publish('group.settings_changed', 'g', { changed: { memberInvite: true } });
    answer(record('stale'));
    expect(await inFlight).toEqual(record('stale'));
    expect(await cache.record('app', 'g', () => Promise.resolve(record('fresh')))).toEqual(record('fresh'));
  });

  it('keeps roles per user: asks only for the missing ones, forgets one on its member events', async () => {
    const { cache, publish } = await started();
    const fetch = jest.fn(async (missing: string[]) =>
      Object.fromEntries(missing.filter((u) => u !== 'out').map((u) => [u, 'member' as MemberRole])),
    );
    expect([...(await cache.roles('app', 'g', ['a', 'out'], fetch))]).toEqual([['a', 'member']]);
    expect([...(await cache.roles('app', 'g', ['a', 'out', 'b'], fetch))]).toEqual([
      ['a', 'member'],
      ['b', 'member'],
    ]);
    expect(fetch.mock.calls).toEqual([[['a', 'out']], [['b']]]);
    publish('member.joined', 'g', { userId: 'out', role: 'member', how: 'added' });
    await cache.roles('app', 'g', ['a', 'out'], fetch);
    expect(fetch.mock.calls[2]).toEqual([['out']]);
  });

  it('forgets every role of a group on a transfer, and a block on block events', async () => {
    const { cache, publish } = await started();
    const roles = jest.fn(async (missing: string[]) =>
      Object.fromEntries(missing.map((u) => [u, 'member' as MemberRole])),
    );
    await cache.roles('app', 'g', ['a', 'b'], roles);
    publish('group.owner_transferred', 'g', { previousOwnerId: 'a', newOwnerId: 'b' });
    await cache.roles('app', 'g', ['a', 'b'], roles);
    expect(roles).toHaveBeenCalledTimes(2);

    const blocked = jest.fn(async (missing: string[]) => missing.filter((u) => u === 'x'));
    expect([...(await cache.blockedAmong('app', 'g', ['x', 'y'], blocked))]).toEqual(['x']);
    publish('member.unblocked', 'g', { userId: 'x' });
    blocked.mockResolvedValueOnce([]);
    expect([...(await cache.blockedAmong('app', 'g', ['x', 'y'], blocked))]).toEqual([]);
    expect(blocked.mock.calls[1]).toEqual([['x']]);
  });

  it('answers a cached mute end only while it lasts', async () => {
    const { cache } = await started();
    const ends = jest.fn(async () => ({ a: 1_000, b: -1 }));
    expect([...(await cache.muteEnds('app', 'g', ['a', 'b', 'c'], ends, 500))]).toEqual([
      ['a', 1_000],
      ['b', -1],
    ]);
    expect([...(await cache.muteEnds('app', 'g', ['a', 'b', 'c'], ends, 2_000))]).toEqual([['b', -1]]);
    expect(ends).toHaveBeenCalledTimes(1);
  });

  it('keeps each app apart', async () => {
    const { cache } = await started();
    await cache.record('app', 'g', () => Promise.resolve(record('mine')));
    expect(await cache.record('other', 'g', () => Promise.resolve(record('theirs')))).toEqual(record('theirs'));
  });

  it("keeps members' names per user: forgets one when they change their settings, join or leave", async () => {
    const { cache, publish } = await started();
    const member = (userId: string, displayName: string) => ({ userId, displayName, joinedAt: 7 }) as MemberView;
    const fetch = jest.fn(async (missing: string[]) => missing.filter((u) => u !== 'gone').map((u) => member(u, 'n')));
    expect([...(await cache.naming('app', 'g', ['a', 'gone'], fetch))]).toEqual([
      ['a', { displayName: 'n', joinedAt: 7 }],
    ]);
    await cache.naming('app', 'g', ['a', 'gone'], fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
    publish('member.settings_changed', 'g', { userId: 'a', changed: { displayName: 'new' } });
    publish('member.joined', 'g', { userId: 'gone', role: 'member', how: 'added' });
    await cache.naming('app', 'g', ['a', 'gone', 'b'], fetch);
    expect(fetch.mock.calls[1]).toEqual([['a', 'gone', 'b']]);
    publish('member.left', 'g', { userId: 'b', role: 'member', how: 'left' });
    await cache.naming('app', 'g', ['a', 'b'], fetch);
    expect(fetch.mock.calls[2]).toEqual([['b']]);
  });

  it('keeps rosters per group, asks for the missing ones at once, forgets one on joins, leaves and record changes', async () => {
    const { cache, publish } = await started();
    const roster = (groupId: string, memberCount: number): AccessView => ({
      groupId,
      memberCount,
      ownerId: '1',
      capacity: 10,
      member: null,
    });
    const fetch = jest.fn(async (missing: string[]) => missing.filter((g) => g !== 'none').map((g) => roster(g, 1)));
    expect([...(await cache.rosters('app', ['g1', 'none'], fetch)).keys()]).toEqual(['g1']);
    expect([...(await cache.rosters('app', ['g1', 'none', 'g2'], fetch)).keys()]).toEqual(['g1', 'g2']);
    expect(fetch.mock.calls).toEqual([[['g1', 'none']], [['g2']]]);
    for (const [type, data] of [
      ['member.joined', { userId: 'u', role: 'member', how: 'added' }],
      ['member.left', { userId: 'u', role: 'member', how: 'left' }],
      ['group.updated', { changed: { capacity: 20 } }],
      ['group.owner_transferred', { previousOwnerId: '1', newOwnerId: '2' }],
    ] as const) {
      publish(type, 'g1', data as never);
      await cache.rosters('app', ['g1', 'g2'], fetch);
      expect(fetch.mock.calls.at(-1)).toEqual([['g1']]);
    }
    expect(cache.stats().hits).toBe(0);
    await cache.rosters('app', ['g1', 'g2'], fetch);
    expect(cache.stats().hits).toBe(1);
  });

  it('keeps the current announcement (none included) until one is published or deleted', async () => {
    const { cache, publish } = await started();
    const fetch = jest.fn<Promise<AnnouncementView | null>, []>().mockResolvedValueOnce(null);
    expect(await cache.announcement('app', 'g', fetch)).toBeNull();
    expect(await cache.announcement('app', 'g', fetch)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    const published = { announcementId: 'a1', content: 'hi' } as AnnouncementView;
    publish('announcement.published', 'g', published);
    fetch.mockResolvedValueOnce(published);
    expect(await cache.announcement('app', 'g', fetch)).toBe(published);
    publish('announcement.deleted', 'g', { announcementId: 'a1' });
    fetch.mockResolvedValueOnce(null);
    expect(await cache.announcement('app', 'g', fetch)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
