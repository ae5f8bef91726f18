import { planOwnerLeft, planRemove, planSet, type StoredAttribute } from './attribute-plans';

const NOW = 1_700_000_000_000;
const attr = (key: string, ownerId: string, removeOnLeave = true, updatedAt = NOW - 1000): StoredAttribute => ({
  key,
  value: `${key}-v`,
  ownerId,
  removeOnLeave,
  updatedAt,
});
const keysOf = (attributes: StoredAttribute[] | undefined) => attributes?.map((a) => a.key);
const set = (attributes: Record<string, string>, userId = 'ann', forced = false) => ({
  userId,
  attributes,
  removeOnLeave: true,
  forced,
});

describe('planSet', () => {
  it('sets new keys and overwrites own ones in place, owned by the caller, with the event of what was set', () => {
    const { result, change } = planSet(
      [attr('seat', 'ann'), attr('topic', 'bob')],
      set({ seat: '4', mood: 'calm' }),
      NOW,
    );
    expect(result).toEqual({ done: ['seat', 'mood'], failed: [] });
    expect(keysOf(change?.next)).toEqual(['seat', 'topic', 'mood']);
    expect(change?.next[0]).toEqual({ key: 'seat', value: '4', ownerId: 'ann', removeOnLeave: true, updatedAt: NOW });
    expect(change?.event).toEqual({
      userId: 'ann',
      how: 'set',
      forced: false,
      set: { seat: '4', mood: 'calm' },
      removed: [],
      removeOnLeave: true,
    });
  });

  it('fails only the keys owned by others, malformed, or with a too long value', () => {
    const { result, change } = planSet(
      [attr('topic', 'bob')],
      set({ topic: 'x', 'bad key': 'x', long: 'x'.repeat(4097), ok: 'y'.repeat(4096) }),
      NOW,
    );
    expect(result.done).toEqual(['ok']);
    expect(result.failed).toEqual([
      { key: 'topic', error: { code: 'forbidden', message: 'key topic is owned by another member' } },
      {
        key: 'bad key',
        error: { code: 'invalid_parameter', message: expect.stringMatching(/^key: must be 1 to 128 characters/) },
      },
      { key: 'long', error: { code: 'invalid_parameter', message: 'value: must be at most 4096 characters' } },
    ]);
    expect(keysOf(change?.next)).toEqual(['topic', 'ok']);
  });

  it('counts characters as users do: 4096 emoji fit', () => {
    expect(planSet([], set({ e: '😀'.repeat(4096) }), NOW).result.done).toEqual(['e']);
  });

  it('accepts keys of 1 to 128 characters of [A-Za-z0-9_.-]', () => {
    const { result } = planSet(
      [],
      set({ ['k'.repeat(128)]: '1', ['k'.repeat(129)]: '2', 'a.B-9_z': '3', '': '4', é: '5' }),
      NOW,
    );
    expect(result.done).toEqual(['k'.repeat(128), 'a.B-9_z']);
    expect(result.failed.map((f) => f.key)).toEqual(['k'.repeat(129), '', 'é']);
  });

  it('forced: overwrites keys of others, who lose them', () => {
    const { result, change } = planSet([attr('topic', 'bob', false)], set({ topic: 'mine' }, 'ann', true), NOW);
    expect(result).toEqual({ done: ['topic'], failed: [] });
    expect(change?.next).toEqual([
      { key: 'topic', value: 'mine', ownerId: 'ann', removeOnLeave: true, updatedAt: NOW },
    ]);
    expect(change?.event.forced).toBe(true);
  });

  it('holds a room to 100 keys: new keys beyond fail, overwrites still pass', () => {
    const full = Array.from({ length: 99 }, (_, i) => attr(`k${i}`, 'ann'));
    const { result, change } = planSet(full, set({ k0: 'again', n1: '1', n2: '2' }), NOW);
    expect(result.done).toEqual(['k0', 'n1']);
    expect(result.failed).toEqual([
      { key: 'n2', error: { code: 'forbidden', message: 'the chatroom has 100 attributes, the most it may have' } },
    ]);
    expect(change?.next).toHaveLength(100);
  });

  it('changes nothing when every key fails', () => {
    expect(planSet([attr('topic', 'bob')], set({ topic: 'x' }), NOW).change).toBeNull();
  });
});

describe('planRemove', () => {
  const current = [attr('a', 'ann'), attr('b', 'bob'), attr('c', 'ann')];

  it('removes own keys once each; a key that is not there is done; others’ and malformed keys fail', () => {
    const { result, change } = planRemove(current, {
      userId: 'ann',
      keys: ['a', 'b', 'gone', 'a', 'no way'],
      forced: false,
    });
    expect(result.done).toEqual(['a', 'gone']);
    expect(result.failed.map((f) => [f.key, f.error.code])).toEqual([
      ['b', 'forbidden'],
      ['no way', 'invalid_parameter'],
    ]);
    expect(keysOf(change?.next)).toEqual(['b', 'c']);
    expect(change?.event).toEqual({ userId: 'ann', how: 'removed', forced: false, set: {}, removed: ['a'] });
  });

  it('forced (also by the app admin itself, null): removes anyone’s', () => {
    const { result, change } = planRemove(current, { userId: null, keys: ['a', 'b'], forced: true });
    expect(result).toEqual({ done: ['a', 'b'], failed: [] });
    expect(keysOf(change?.next)).toEqual(['c']);
  });

  it('the app admin itself owns nothing: without forcing, every existing key fails', () => {
    expect(planRemove(current, { userId: null, keys: ['a'], forced: false }).result.failed.map((f) => f.key)).toEqual([
      'a',
    ]);
  });

  it('changes nothing when nothing is removed', () => {
    expect(planRemove(current, { userId: 'ann', keys: ['gone'], forced: false })).toEqual({
      result: { done: ['gone'], failed: [] },
      change: null,
    });
  });
});

describe('planOwnerLeft', () => {
  it('removes the leaver’s attributes that go with them, set before they left; keeps the rest', () => {
    const current = [attr('a', 'ann'), attr('b', 'ann', false), attr('c', 'bob'), attr('d', 'ann', true, NOW + 5)];
    const { result, change } = planOwnerLeft(current, 'ann', NOW);
    expect(result).toEqual(['a']);
    expect(keysOf(change?.next)).toEqual(['b', 'c', 'd']);
    expect(change?.event).toEqual({ userId: 'ann', how: 'owner_left', forced: false, set: {}, removed: ['a'] });
  });

  it('finds nothing the second time (idempotent)', () => {
    expect(planOwnerLeft([attr('b', 'ann', false)], 'ann', NOW).change).toBeNull();
  });
});
