// Easemob chatroom members (/{org}/{app}/chatrooms/{id}/users...) through the real built stack,
// as the app admin: the paged list, single and batch adds, single and batch removals, capacity.
// Chatrooms are created with POST /group/create (type 2).
import { createChatroom, EasemobClient, expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { newUserId } from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

/** An Easemob-style username no other test uses. */
const username = (tag: string) => `${tag}_${newUserId()}`;

describe('Easemob chatroom members', () => {
  const e2e = useGroupStack('easemob-members', { db: false });
  const { owner, member } = e2e.users;
  let easemob: EasemobClient;

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    await easemob.login();
  });

  const newRoom = (members: string[] = [member]) => createChatroom(e2e.api, e2e.tokens.app, owner, members);
  /** Every member entry of the chatroom (one page of 1000). */
  const entries = async (room: string) =>
    expectEasemobOk(await easemob.get(`/chatrooms/${room}/users`)) as Record<string, string>[];

  describe('GET /chatrooms/{id}/users', () => {
    it('lists the owner as owner and everyone else (admins too) as member, a page at a time', async () => {
      const others = [newUserId(), newUserId(), newUserId()];
      const room = await newRoom([member, ...others]);
      expectEasemobOk(await easemob.post(`/chatrooms/${room}/admin`, { body: { newadmin: member } }));
      const pages = [];
      for (const pagenum of [1, 2, 3, 4]) {
        const res = await easemob.get(`/chatrooms/${room}/users`, { query: { pagenum, pagesize: 2 } });
        expect(res.body).toMatchObject({
          count: [2, 2, 1, 0][pagenum - 1],
          params: { pagenum: [String(pagenum)], pagesize: ['2'] },
        });
        expect(res.body.data).toHaveLength(res.body.count);
        pages.push(...(res.body.data as Record<string, string>[]));
      }
      expect(pages).toHaveLength(5);
      expect(pages.filter((e) => 'owner' in e)).toEqual([{ owner }]);
      expect(
        pages
          .filter((e) => 'member' in e)
          .map((e) => e.member)
          .sort(),
      ).toEqual([member, ...others].sort());
      expect(await entries(room)).toEqual(expect.arrayContaining(pages));
    });

    it('refuses pagenum or pagesize out of range → 400 naming it', async () => {
      const room = await newRoom();
      for (const [query, field] of [
        [{ pagesize: 1001 }, 'pagesize'],
        [{ pagesize: 0 }, 'pagesize'],
        [{ pagenum: 0 }, 'pagenum'],
        [{ pagenum: 'x' }, 'pagenum'],
      ] as const) {
        expectEasemobError(
          await easemob.get(`/chatrooms/${room}/users`, { query }),
          400,
          'invalid_parameter',
          new RegExp(`^${field}: `),
        );
      }
    });
  });

  describe('POST /chatrooms/{id}/users/{username}', () => {
    it('adds one user; adding them again → 400 forbidden_op', async () => {
      const room = await newRoom();
      const alice = username('alice');
      const res = await easemob.post(`/chatrooms/${room}/users/${alice}`);
      expect(expectEasemobOk(res)).toEqual({ result: true, action: 'add_member', id: room, user: alice });
      expect(await entries(room)).toContainEqual({ member: alice });
      expectEasemobError(await easemob.post(`/chatrooms/${room}/users/${alice}`), 400, 'forbidden_op');
      expectEasemobError(await easemob.post(`/chatrooms/${room}/users/${owner}`), 400, 'forbidden_op');
    });

    it('an unknown chatroom → 404', async () => {
      expectEasemobError(
        await easemob.post(`/chatrooms/123456789012/users/${username('bob')}`),
        404,
        'resource_not_found',
      );
    });

    it('a full chatroom (capacity 1000: the owner and 999 members) refuses one more → 403', async () => {
      const room = await newRoom(Array.from({ length: 999 }, (_, i) => String(700_000_000 + i)));
      expectEasemobError(await easemob.post(`/chatrooms/${room}/users/${username('late')}`), 403, 'forbidden_op');
      expectEasemobError(
        await easemob.post(`/chatrooms/${room}/users`, { body: { usernames: [username('late'), username('later')] } }),
        403,
        'forbidden_op',
      );
      expect(await entries(room)).toHaveLength(1000);
    });

    it('a private group is not a chatroom: its /chatrooms routes answer 404 and change nothing', async () => {
      const group = String(
        (
          await e2e.api.createGroup(
            e2e.tokens.app,
            { type: 0, name: 'private', user_list: [member] },
            { user_id: owner },
          )
        ).group_id,
      );
      expectEasemobError(await easemob.get(`/chatrooms/${group}/users`), 404, 'resource_not_found');
      expectEasemobError(
        await easemob.post(`/chatrooms/${group}/users/${username('intruder')}`),
        404,
        'resource_not_found',
      );
      expectEasemobError(await easemob.delete(`/chatrooms/${group}/users/${member}`), 404, 'resource_not_found');
      expectEasemobError(
        await easemob.post(`/chatrooms/${group}/admin`, { body: { newadmin: member } }),
        404,
        'resource_not_found',
      );
      const members = await e2e.api.call('GET', '/group/member_list', {
        token: e2e.tokens.app,
        query: { group_id: group },
      });
      expect(members.body.data.map((m: { user_id: number }) => String(m.user_id)).sort()).toEqual(
        [owner, member].sort(),
      );
    });
  });

  describe('POST /chatrooms/{id}/users', () => {
    it('adds up to 60 users; those already in are left out of newmembers', async () => {
      const room = await newRoom();
      const fresh = Array.from({ length: 59 }, (_, i) => username(`u${i}`));
      const res = await easemob.post(`/chatrooms/${room}/users`, { body: { usernames: [member, ...fresh] } });
      expect(expectEasemobOk(res)).toEqual({ newmembers: fresh, action: 'add_member', id: room });
      expect((await entries(room)).length).toBe(61);
    });

    it('61 usernames → 400 naming usernames and the limit; none → 400', async () => {
      const room = await newRoom();
      const usernames = Array.from({ length: 61 }, (_, i) => username(`v${i}`));
      expectEasemobError(
        await easemob.post(`/chatrooms/${room}/users`, { body: { usernames } }),
        400,
        'invalid_parameter',
        /^usernames: .*\b60\b/,
      );
      expectEasemobError(
        await easemob.post(`/chatrooms/${room}/users`, { body: { usernames: [] } }),
        400,
        'invalid_parameter',
        /^usernames: /,
      );
      expectEasemobError(await easemob.post(`/chatrooms/${room}/users`), 400, 'invalid_parameter', /^usernames: /);
      expect(await entries(room)).toHaveLength(2);
    });
  });

  describe('DELETE /chatrooms/{id}/users/{username}', () => {
    it('removes one member; a non-member → 403; the owner → 403', async () => {
      const room = await newRoom();
      const res = await easemob.delete(`/chatrooms/${room}/users/${member}`);
      expect(expectEasemobOk(res)).toEqual({ result: true, action: 'remove_member', user: member, id: room });
      expect(await entries(room)).toEqual([{ owner }]);
      expectEasemobError(await easemob.delete(`/chatrooms/${room}/users/${member}`), 403, 'forbidden_op');
      expectEasemobError(await easemob.delete(`/chatrooms/${room}/users/${owner}`), 403, 'forbidden_op');
      expect(await entries(room)).toEqual([{ owner }]);
    });
  });

  describe('DELETE /chatrooms/{id}/users/{u1,u2,...}', () => {
    it('answers each user in request order; a non-member with its exact reason; the owner refused', async () => {
      const [a, b] = [newUserId(), newUserId()];
      const room = await newRoom([a, b]);
      const stranger = username('stranger');
      const res = await easemob.delete(`/chatrooms/${room}/users/${b},${stranger},${owner},${a}`);
      const data = expectEasemobOk(res) as Record<string, unknown>[];
      expect(data).toEqual([
        { result: true, action: 'remove_member', user: b, id: room },
        {
          result: false,
          action: 'remove_member',
          reason: `user: ${stranger} doesn't exist in group: ${room}`,
          user: stranger,
          id: room,
        },
        { result: false, action: 'remove_member', reason: expect.any(String), user: owner, id: room },
        { result: true, action: 'remove_member', user: a, id: room },
      ]);
      expect(await entries(room)).toEqual([{ owner }]);
    });

    it('takes %2C as the separator', async () => {
      const [a, b] = [newUserId(), newUserId()];
      const room = await newRoom([a, b]);
      const res = await easemob.delete(`/chatrooms/${room}/users/${a}%2C${b}`);
      expect(expectEasemobOk(res)).toEqual([
        { result: true, action: 'remove_member', user: a, id: room },
        { result: true, action: 'remove_member', user: b, id: room },
      ]);
      expect(await entries(room)).toEqual([{ owner }]);
    });

    it('takes 100 usernames of 64 characters in one path segment; more than 100 → 400', async () => {
      const room = await newRoom();
      const names = Array.from({ length: 101 }, (_, i) =>
        `${String(i).padStart(3, '0')}_${newUserId()}`.padEnd(64, 'x'),
      );
      const hundred = await easemob.delete(`/chatrooms/${room}/users/${names.slice(0, 100).join('%2C')}`);
      const results = expectEasemobOk(hundred) as Record<string, unknown>[];
      expect(results.map((r) => [r.user, r.result])).toEqual(names.slice(0, 100).map((name) => [name, false]));
      expectEasemobError(
        await easemob.delete(`/chatrooms/${room}/users/${names.join(',')}`),
        400,
        'invalid_parameter',
        /^usernames: .*\b100\b/,
      );
      expect(await entries(room)).toHaveLength(2);
    });
  });
});
