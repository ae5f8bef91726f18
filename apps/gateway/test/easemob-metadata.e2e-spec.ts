// Chatroom custom attributes through the real built stack, as Easemob's server SDK calls them:
// PUT/DELETE /metadata/chatroom/{id}/user/{username}[/forced] and POST /metadata/chatroom/{id}.
import { expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { useMetadataSuite } from './easemob-metadata.helpers';
import { expectUnchanged, newUserId } from './group-e2e.helpers';

const UNKNOWN_ROOM = '4000000003333';

describe('Easemob chatroom attributes', () => {
  const suite = useMetadataSuite('easemob-metadata');
  const { e2e, metadata } = suite;
  const { owner, member } = e2e.users;
  const [admin, other] = [newUserId(), newUserId()];

  /** A chatroom of the owner with the member, `other` and `admin` (an admin). */
  const newRoom = () => metadata.newRoom(owner, [member, other, admin], [admin]);

  describe('PUT /metadata/chatroom/{id}/user/{username}', () => {
    it('sets attributes the member then owns: {successKeys, errorKeys: {}}; autoDelete DELETE by default', async () => {
      const room = await newRoom();
      const res = await metadata.set(room, member, { seat: '3', 'mic.on': 'true' }, {});
      expect(expectEasemobOk(res)).toEqual({ successKeys: ['seat', 'mic.on'], errorKeys: {} });
      expect(res.body).toMatchObject({
        action: 'put',
        uri: expect.stringMatching(new RegExp(`/demo/demo/metadata/chatroom/${room}/user/${member}$`)),
      });
      expect(await metadata.values(room)).toEqual({ seat: '3', 'mic.on': 'true' });
      expect((await metadata.stored(room))?.attributes).toEqual([
        { key: 'seat', value: '3', ownerId: member, removeOnLeave: true, updatedAt: expect.any(Date) },
        { key: 'mic.on', value: 'true', ownerId: member, removeOnLeave: true, updatedAt: expect.any(Date) },
      ]);
      await metadata.setOk(room, member, { seat: '4' }, { autoDelete: 'NO_DELETE' });
      expect((await metadata.stored(room))?.attributes[0]).toMatchObject({
        key: 'seat',
        value: '4',
        removeOnLeave: false,
      });
    });

    it('each key fails alone: another member’s key, a bad key, a too long value; the rest is set', async () => {
      const room = await newRoom();
      await metadata.setOk(room, other, { topic: 'cats' });
      const outcome = await metadata.setOk(room, member, {
        topic: 'dogs',
        'bad key': 'x',
        long: 'v'.repeat(4097),
        fine: 'v'.repeat(4096),
        ['k'.repeat(129)]: 'x',
      });
      expect(outcome).toEqual({
        successKeys: ['fine'],
        errorKeys: {
          topic: 'key topic is owned by another member',
          'bad key': 'key: must be 1 to 128 characters of A-Z, a-z, 0-9, "_", "." and "-"',
          long: 'value: must be at most 4096 characters',
          ['k'.repeat(129)]: 'key: must be 1 to 128 characters of A-Z, a-z, 0-9, "_", "." and "-"',
        },
      });
      expect(await metadata.owners(room)).toEqual({ topic: other, fine: member });
      expect((await metadata.values(room)).topic).toBe('cats');
    });

    it('holds a room to 100 keys: the 101st fails alone, overwriting still works', async () => {
      const room = await newRoom();
      for (let call = 0; call < 10; call++) {
        const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${call * 10 + i}`, 'v']));
        expect((await metadata.setOk(room, member, ten)).successKeys).toHaveLength(10);
      }
      expect(await metadata.setOk(room, other, { extra: '1' })).toEqual({
        successKeys: [],
        errorKeys: { extra: 'the chatroom has 100 attributes, the most it may have' },
      });
      expect(await metadata.setOk(room, member, { k0: 'again', k101: 'x' })).toEqual({
        successKeys: ['k0'],
        errorKeys: { k101: 'the chatroom has 100 attributes, the most it may have' },
      });
      expect(Object.keys(await metadata.values(room))).toHaveLength(100);
    });

    it('refuses a malformed request whole (400 naming the field), nothing changed', async () => {
      const room = await newRoom();
      await metadata.setOk(room, member, { kept: '1' });
      const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
      await expectUnchanged(
        () => metadata.stored(room),
        async () => {
          expectEasemobError(
            await metadata.set(room, member, eleven),
            400,
            'invalid_parameter',
            'metaData: may contain at most 10 entries per call',
          );
          expectEasemobError(
            await metadata.set(room, member, {}),
            400,
            'invalid_parameter',
            'metaData: must contain at least 1 entry',
          );
          expectEasemobError(
            await metadata.set(room, member, { a: 1 }),
            400,
            'invalid_parameter',
            'metaData: must have string values (a is not a string)',
          );
          expectEasemobError(await metadata.set(room, member, ['a']), 400, 'invalid_parameter', /^metaData: /);
          expectEasemobError(
            await suite.easemob.put(`/metadata/chatroom/${room}/user/${member}`, { body: { autoDelete: 'DELETE' } }),
            400,
            'invalid_parameter',
            /^metaData: /,
          );
          expectEasemobError(
            await suite.easemob.put(`/metadata/chatroom/${room}/user/${member}`, {
              body: { metaData: { a: 'b' }, autoDelete: 'LATER' },
            }),
            400,
            'invalid_parameter',
            /^autoDelete: /,
          );
          expectEasemobError(await metadata.set(room, 'bad!name', { a: 'b' }), 400, 'invalid_parameter', /^username: /);
        },
      );
    });

    it('the user must be a member (403), the chatroom must exist (404); a private group is not a chatroom (404)', async () => {
      const room = await newRoom();
      const group = String(
        (
          await e2e.api.createGroup(
            e2e.tokens.app,
            { type: 0, name: 'private', user_list: [member] },
            { user_id: owner },
          )
        ).group_id,
      );
      expectEasemobError(
        await metadata.set(room, newUserId(), { a: 'b' }),
        403,
        'forbidden_op',
        /is not a member of chatroom/,
      );
      expectEasemobError(await metadata.set(UNKNOWN_ROOM, member, { a: 'b' }), 404, 'resource_not_found');
      expectEasemobError(await metadata.set(group, member, { a: 'b' }), 404, 'resource_not_found');
      expectEasemobError(await metadata.set('not-a-room', member, { a: 'b' }), 404, 'resource_not_found');
      expect(await metadata.stored(room)).toBeNull();
    });
  });

  describe('PUT .../forced', () => {
    it('the owner or an admin overwrites keys other members set, and owns them', async () => {
      const room = await newRoom();
      await metadata.setOk(room, member, { topic: 'dogs', seat: '1' });
      expect(await metadata.setOk(room, admin, { topic: 'cats' }, { forced: true })).toEqual({
        successKeys: ['topic'],
        errorKeys: {},
      });
      expect(
        await metadata.setOk(room, owner, { seat: '2', fresh: 'x' }, { forced: true, autoDelete: 'NO_DELETE' }),
      ).toEqual({ successKeys: ['seat', 'fresh'], errorKeys: {} });
      expect(await metadata.values(room)).toEqual({ topic: 'cats', seat: '2', fresh: 'x' });
      expect(await metadata.owners(room)).toEqual({ topic: admin, seat: owner, fresh: owner });
    });

    it('a plain member forces too (the seed names no role); a non-member may not (403); per-key rules still hold', async () => {
      const room = await newRoom();
      await metadata.setOk(room, other, { topic: 'dogs' });
      expectEasemobError(
        await metadata.set(room, newUserId(), { topic: 'cats' }, { forced: true }),
        403,
        'forbidden_op',
        /is not a member/,
      );
      expect(await metadata.setOk(room, owner, { topic: 'x'.repeat(4097) }, { forced: true })).toEqual({
        successKeys: [],
        errorKeys: { topic: 'value: must be at most 4096 characters' },
      });
      expect(await metadata.values(room)).toEqual({ topic: 'dogs' });
      // Unforced, the ownership rule holds; forced, a plain member overwrites another member's key.
      expect(await metadata.setOk(room, member, { topic: 'cats' })).toEqual({
        successKeys: [],
        errorKeys: { topic: expect.any(String) },
      });
      expect(await metadata.setOk(room, member, { topic: 'cats' }, { forced: true })).toEqual({
        successKeys: ['topic'],
        errorKeys: {},
      });
      expect(await metadata.owners(room)).toEqual({ topic: member });
    });
  });

  describe('POST /metadata/chatroom/{id}', () => {
    it('reads the keys asked (unknown ones left out), or all of them with no body, no keys or empty keys', async () => {
      const room = await newRoom();
      expect(await metadata.values(room)).toEqual({});
      await metadata.setOk(room, member, { a: '1', b: '2' });
      await metadata.setOk(room, other, { c: '3' });
      const res = await metadata.read(room, ['a', 'c', 'nope']);
      expect(expectEasemobOk(res)).toEqual({ a: '1', c: '3' });
      expect(res.body.action).toBe('post');
      const all = { a: '1', b: '2', c: '3' };
      expect(await metadata.values(room)).toEqual(all);
      expect(await metadata.values(room, [])).toEqual(all);
      expect(
        expectEasemobOk(await suite.easemob.post(`/metadata/chatroom/${room}`, { body: { autoDelete: 'DELETE' } })),
      ).toEqual(all);
    });

    it('keys that are not a list of strings → 400; an unknown chatroom → 404', async () => {
      const room = await newRoom();
      expectEasemobError(await metadata.read(room, 'a'), 400, 'invalid_parameter', /^keys: /);
      expectEasemobError(await metadata.read(room, [1]), 400, 'invalid_parameter', /^keys: /);
      expectEasemobError(await metadata.read(UNKNOWN_ROOM, ['a']), 404, 'resource_not_found');
    });
  });

  describe('DELETE /metadata/chatroom/{id}/user/{username}', () => {
    it('removes the member’s own keys; another member’s fails alone; a key that is not there succeeds', async () => {
      const room = await newRoom();
      await metadata.setOk(room, member, { a: '1', b: '2' });
      await metadata.setOk(room, other, { c: '3' });
      const res = await metadata.remove(room, member, ['a', 'c', 'gone']);
      expect(expectEasemobOk(res)).toEqual({
        successKeys: ['a', 'gone'],
        errorKeys: { c: 'key c is owned by another member' },
      });
      expect(res.body.action).toBe('delete');
      expect(await metadata.values(room)).toEqual({ b: '2', c: '3' });
    });

    it('refuses no keys, more than 10, a non-member, an unknown chatroom; nothing changed', async () => {
      const room = await newRoom();
      await metadata.setOk(room, member, { a: '1' });
      await expectUnchanged(
        () => metadata.stored(room),
        async () => {
          const eleven = Array.from({ length: 11 }, (_, i) => `k${i}`);
          expectEasemobError(
            await metadata.remove(room, member, eleven),
            400,
            'invalid_parameter',
            'keys: may name at most 10 keys per call',
          );
          expectEasemobError(
            await metadata.remove(room, member, []),
            400,
            'invalid_parameter',
            'keys: must name at least one key',
          );
          expectEasemobError(
            await suite.easemob.delete(`/metadata/chatroom/${room}/user/${member}`),
            400,
            'invalid_parameter',
            /^keys: /,
          );
          expectEasemobError(await metadata.remove(room, newUserId(), ['a']), 403, 'forbidden_op');
          expectEasemobError(await metadata.remove(UNKNOWN_ROOM, member, ['a']), 404, 'resource_not_found');
        },
      );
    });
  });

  describe('DELETE .../forced', () => {
    it('any member removes anyone’s keys, forced: a plain member, an admin, the owner', async () => {
      const room = await newRoom();
      await metadata.setOk(room, member, { a: '1', b: '2', c: '3' });
      expect(await metadata.removeOk(room, other, ['c'], true)).toEqual({ successKeys: ['c'], errorKeys: {} });
      expect(await metadata.removeOk(room, admin, ['a'], true)).toEqual({ successKeys: ['a'], errorKeys: {} });
      expect(await metadata.removeOk(room, owner, ['b', 'bad key'], true)).toEqual({
        successKeys: ['b'],
        errorKeys: { 'bad key': 'key: must be 1 to 128 characters of A-Z, a-z, 0-9, "_", "." and "-"' },
      });
      expect(await metadata.values(room)).toEqual({});
    });

    it('the username `admin` is the app admin itself (as Easemob’s SDK sends it), no member needed', async () => {
      const room = await newRoom();
      await metadata.setOk(room, member, { a: '1' });
      await metadata.setOk(room, other, { b: '2' });
      expect(await metadata.removeOk(room, 'admin', ['a', 'b'], true)).toEqual({
        successKeys: ['a', 'b'],
        errorKeys: {},
      });
      expect(await metadata.values(room)).toEqual({});
      const event = await suite.tap.next((e) => e.groupId === room && e.data.how === 'removed');
      expect(event.data).toEqual({ userId: null, how: 'removed', forced: true, set: {}, removed: ['a', 'b'] });
    });
  });

  it('publishes room_attributes.changed with what changed and on whose behalf', async () => {
    const room = await newRoom();
    await metadata.setOk(room, member, { a: '1', b: '2' }, { autoDelete: 'NO_DELETE' });
    await metadata.removeOk(room, member, ['a']);
    const [set, removed] = await Promise.all(
      ['set', 'removed'].map((how) => suite.tap.next((e) => e.groupId === room && e.data.how === how)),
    );
    expect(set).toMatchObject({ appId: 'demo', actor: { userId: null, isAppAdmin: true } });
    expect(set.data).toEqual({
      userId: member,
      how: 'set',
      forced: false,
      set: { a: '1', b: '2' },
      removed: [],
      removeOnLeave: false,
    });
    expect(removed.data).toEqual({ userId: member, how: 'removed', forced: false, set: {}, removed: ['a'] });
    // Calls that change nothing publish nothing.
    await metadata.removeOk(room, member, ['a']);
    await metadata.setOk(room, other, { b: 'x' });
    await metadata.setOk(room, member, { c: '3' });
    await suite.tap.next((e) => e.groupId === room && e.data.set.c === '3');
    expect(suite.tap.events.filter((e) => e.groupId === room)).toHaveLength(3);
  });
});
