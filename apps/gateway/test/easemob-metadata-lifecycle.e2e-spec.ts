// Chatroom custom attributes over a room's life, through the real built stack: a member's
// DELETE attributes go when they leave (left, kicked, blocked), everything goes with the room, and
// concurrent writers through HTTP keep key ownership and the 100-key limit exact.
import { expectEventually } from '@cohort/testing';

import { expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { type MetadataOutcome, useMetadataSuite } from './easemob-metadata.helpers';
import { expectOk, newUserId } from './group-e2e.helpers';

describe('Easemob chatroom attributes over a room’s life', () => {
  const suite = useMetadataSuite('easemob-metadata-life');
  const { e2e, metadata } = suite;
  const { owner, member } = e2e.users;

  /** The owner_left event of `userId` in `room` (waited for, never slept on). */
  const ownerLeft = (room: string, userId: string) =>
    suite.tap.next((e) => e.groupId === room && e.data.how === 'owner_left' && e.data.userId === userId, {
      timeoutMs: 20_000,
    });

  describe('when a member leaves, their DELETE attributes go and their NO_DELETE ones stay', () => {
    it('blocked (POST /chatrooms/{id}/blocks/users/{username})', async () => {
      const blocked = newUserId();
      const room = await metadata.newRoom(owner, [blocked]);
      await metadata.setOk(room, blocked, { seat: '1' });
      await metadata.setOk(room, blocked, { badge: 'gold' }, { autoDelete: 'NO_DELETE' });
      expectEasemobOk(await suite.easemob.post(`/chatrooms/${room}/blocks/users/${blocked}`));
      await ownerLeft(room, blocked);
      expect(await metadata.values(room)).toEqual({ badge: 'gold' });
    });

    it('leaving (/group/leave)', async () => {
      const room = await metadata.newRoom(owner, [member]);
      await metadata.setOk(room, member, { seat: '3', mic: 'on' });
      await metadata.setOk(room, member, { badge: 'gold' }, { autoDelete: 'NO_DELETE' });
      await metadata.setOk(room, owner, { topic: 'cats' });
      expectOk(
        await e2e.api.call('DELETE', '/group/leave', { token: e2e.tokens.member, query: { group_id: room } }),
        true,
      );

      const event = await ownerLeft(room, member);
      expect(event.data).toEqual({
        userId: member,
        how: 'owner_left',
        forced: false,
        set: {},
        removed: ['seat', 'mic'],
      });
      expect(await metadata.values(room)).toEqual({ badge: 'gold', topic: 'cats' });
      expect(await metadata.owners(room)).toEqual({ badge: member, topic: owner });
      // Gone from the room, the user can no longer set or remove attributes there.
      expectEasemobError(await metadata.remove(room, member, ['badge']), 403, 'forbidden_op');
    });

    it('kicked (DELETE /chatrooms/{id}/users/{username}); joining again and setting anew keeps the new ones', async () => {
      const kicked = newUserId();
      const room = await metadata.newRoom(owner, [kicked]);
      await metadata.setOk(room, kicked, { seat: '1' });
      expectEasemobOk(await suite.easemob.delete(`/chatrooms/${room}/users/${kicked}`));
      await ownerLeft(room, kicked);
      expect(await metadata.values(room)).toEqual({});

      expectEasemobOk(await suite.easemob.post(`/chatrooms/${room}/users/${kicked}`));
      await metadata.setOk(room, kicked, { seat: '2' });
      expect(await metadata.values(room)).toEqual({ seat: '2' });
    });
  });

  it('destroying the chatroom deletes all of its attributes; it then answers 404', async () => {
    const room = await metadata.newRoom(owner, [member]);
    await metadata.setOk(room, member, { seat: '3' }, { autoDelete: 'NO_DELETE' });
    await metadata.setOk(room, owner, { topic: 'cats' });
    expectEasemobOk(await suite.easemob.delete(`/chatrooms/${room}`));

    await expectEventually(
      async () => expect(await metadata.stored(room)).toMatchObject({ attributes: [], destroyed: true }),
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expectEasemobError(await metadata.read(room), 404, 'resource_not_found');
    expectEasemobError(await metadata.set(room, owner, { topic: 'dogs' }), 404, 'resource_not_found');
  });

  describe('concurrent writers', () => {
    it('members setting the same new keys at the same moment: each key has exactly one owner, the others get an errorKey', async () => {
      const racers = Array.from({ length: 12 }, () => newUserId());
      const room = await metadata.newRoom(owner, racers);
      await metadata.setOk(room, owner, { topic: 'cats' });
      const keys = ['seat1', 'seat2', 'seat3'];
      const outcomes = await Promise.all(
        racers.map((racer) => metadata.setOk(room, racer, Object.fromEntries(keys.map((key) => [key, racer])))),
      );

      const owners = await metadata.owners(room);
      expect(Object.keys(owners)).toEqual(['topic', ...keys]);
      for (const key of keys) {
        const winners = racers.filter((_, i) => outcomes[i].successKeys.includes(key));
        expect(winners).toEqual([owners[key]]);
        const losers = racers.filter((_, i) => outcomes[i].errorKeys[key] === `key ${key} is owned by another member`);
        expect(losers).toHaveLength(racers.length - 1);
      }
      expect(await metadata.values(room)).toEqual({
        topic: 'cats',
        ...Object.fromEntries(keys.map((key) => [key, owners[key]])),
      });
    });

    it('the 100-key limit holds: 20 members adding 3 new keys each to a room holding 90 → exactly 10 are set', async () => {
      const racers = Array.from({ length: 20 }, () => newUserId());
      const room = await metadata.newRoom(owner, racers);
      for (let call = 0; call < 9; call++) {
        await metadata.setOk(
          room,
          owner,
          Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`base${call * 10 + i}`, 'v'])),
        );
      }
      const outcomes: MetadataOutcome[] = await Promise.all(
        racers.map((racer) =>
          metadata.setOk(room, racer, { [`${racer}.a`]: '1', [`${racer}.b`]: '2', [`${racer}.c`]: '3' }),
        ),
      );

      const set = outcomes.flatMap((o) => o.successKeys);
      const refused = outcomes.flatMap((o) => Object.entries(o.errorKeys));
      expect(set).toHaveLength(10);
      expect(refused).toHaveLength(50);
      expect(new Set(refused.map(([, reason]) => reason))).toEqual(
        new Set(['the chatroom has 100 attributes, the most it may have']),
      );
      const stored = Object.keys(await metadata.owners(room));
      expect(stored).toHaveLength(100);
      expect(stored).toEqual(expect.arrayContaining(set));
    });
  });
});
