import type { NatsConnectionHolder } from '@cohort/bus';
import type { Msg, NatsConnection } from 'nats';

import type { StoredMember } from '../members/member.repository';
import type { RosterState } from './roster.repository';
import { ROSTER_CACHE_MEMBERS_PER_GROUP, ROSTER_TOUCHED_SUBJECT, RosterReadCache } from './roster-read-cache';

/** Two instances' caches on one fake NATS: what one publishes, both receive (in order, as NATS would). */
function twoInstances() {
  const subscribers: ((error: null, msg: Msg) => void)[] = [];
  const nc = {
    subscribe: (_subject: string, options: { callback: (error: null, msg: Msg) => void }) => {
      subscribers.push(options.callback);
      return { unsubscribe: () => undefined };
    },
    publish: jest.fn((subject: string, data: Uint8Array) => {
      expect(subject).toBe(ROSTER_TOUCHED_SUBJECT);
      for (const deliver of subscribers) deliver(null, { data } as Msg);
    }),
    status: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }) }),
  } as unknown as NatsConnection;
  const holder = { get: () => Promise.resolve(nc) } as unknown as NatsConnectionHolder;
  return { a: new RosterReadCache(holder), b: new RosterReadCache(holder) };
}

async function started() {
  const { a, b } = twoInstances();
  await Promise.all([a.onApplicationBootstrap(), b.onApplicationBootstrap()]);
  return { a, b };
}

const key = { appId: 'app', groupId: 'g' };
const roster = (memberCount: number) => ({ groupId: 'g', memberCount }) as RosterState;
const member = (userId: string, displayName = '') => ({ userId, displayName }) as StoredMember;
const fetchMembers = (...members: StoredMember[]) =>
  jest.fn(async (ids: string[]) => new Map(members.filter((m) => ids.includes(m.userId)).map((m) => [m.userId, m])));

describe('RosterReadCache', () => {
  it('reads the roster and a member once, then answers from memory; not-members are remembered too', async () => {
    const { a } = await started();
    const fetchRoster = jest.fn().mockResolvedValue(roster(2));
    const fetch = fetchMembers(member('u1'));
    await a.roster(key, fetchRoster);
    expect(await a.roster(key, fetchRoster)).toEqual(roster(2));
    await a.members(key, ['u1', 'stranger'], fetch);
    expect([...(await a.members(key, ['u1', 'stranger'], fetch)).keys()]).toEqual(['u1']);
    expect(fetchRoster).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a write through one instance is seen by the next read through the other', async () => {
    const { a, b } = await started();
    await b.roster(key, async () => roster(2));
    await b.members(key, ['u1', 'u2'], fetchMembers(member('u1', 'old'), member('u2')));
    await a.writing(key, ['u1'], async () => undefined);
    expect(await b.roster(key, async () => roster(3))).toEqual(roster(3));
    const reread = fetchMembers(member('u1', 'new'));
    expect((await b.members(key, ['u1', 'u2'], reread)).get('u1')).toEqual(member('u1', 'new'));
    expect(reread).toHaveBeenCalledWith(['u1']); // u2's record was not touched
  });

  it('a purge forgets every member of the group', async () => {
    const { a, b } = await started();
    await b.members(key, ['u1'], fetchMembers(member('u1')));
    a.touched(key, null);
    expect((await b.members(key, ['u1'], fetchMembers())).size).toBe(0);
  });

  it('says the write is done even when it failed (it may have applied)', async () => {
    const { a, b } = await started();
    await b.roster(key, async () => roster(2));
    await expect(a.writing(key, [], async () => Promise.reject(new Error('connection reset')))).rejects.toThrow(
      'connection reset',
    );
    expect(await b.roster(key, async () => roster(5))).toEqual(roster(5));
  });

  it('does not keep what was read while a write of the group happened', async () => {
    const { a, b } = await started();
    let release: (value: RosterState) => void = () => undefined;
    const slow = b.roster(key, () => new Promise<RosterState>((resolve) => (release = resolve)));
    a.touched(key);
    release(roster(2));
    expect(await slow).toEqual(roster(2));
    expect(await b.roster(key, async () => roster(3))).toEqual(roster(3));
  });

  it('keeps a bounded number of members per group', async () => {
    const { a } = await started();
    const many = Array.from({ length: ROSTER_CACHE_MEMBERS_PER_GROUP }, (_, i) => member(`u${i}`));
    await a.members(
      key,
      many.map((m) => m.userId),
      fetchMembers(...many),
    );
    const fetch = fetchMembers(member('late'), ...many);
    await a.members(key, ['late'], fetch);
    await a.members(key, ['u0'], fetch);
    expect(fetch).toHaveBeenLastCalledWith(['u0']);
  });
});
