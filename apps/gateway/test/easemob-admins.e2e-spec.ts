// Easemob chatroom admins (/{org}/{app}/chatrooms/{id}/admin...) and the owner transfer
// (PUT /{org}/{app}/chatrooms/{id} with newowner) through the real built stack, as the app admin.
import { createChatroom, EasemobClient, expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { newUserId } from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

describe('Easemob chatroom admins and owner transfer', () => {
  const e2e = useGroupStack('easemob-admins', { db: false });
  const { owner, member, outsider } = e2e.users;
  let easemob: EasemobClient;

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    await easemob.login();
  });

  const newRoom = (members: string[] = [member]) => createChatroom(e2e.api, e2e.tokens.app, owner, members);
  const admins = async (room: string) => {
    const res = await easemob.get(`/chatrooms/${room}/admin`);
    const data = expectEasemobOk(res) as string[];
    expect(res.body.count).toBe(data.length);
    return data;
  };
  const addAdmin = (room: string, newadmin: string) => easemob.post(`/chatrooms/${room}/admin`, { body: { newadmin } });

  describe('admins', () => {
    it('adds, lists (owner excluded) and removes an admin', async () => {
      const other = newUserId();
      const room = await newRoom([member, other]);
      expect(await admins(room)).toEqual([]);
      expect(expectEasemobOk(await addAdmin(room, member))).toEqual({ result: 'success', newadmin: member });
      expect(expectEasemobOk(await addAdmin(room, other))).toEqual({ result: 'success', newadmin: other });
      expect((await admins(room)).sort()).toEqual([member, other].sort());
      expect(expectEasemobOk(await easemob.delete(`/chatrooms/${room}/admin/${member}`))).toEqual({
        result: 'success',
        oldadmin: member,
      });
      expect(await admins(room)).toEqual([other]);
      // still a member, a plain one
      const users = expectEasemobOk(await easemob.get(`/chatrooms/${room}/users`));
      expect(users).toContainEqual({ member });
    });

    it('a non-member cannot become an admin → 403; a bad newadmin → 400 naming it', async () => {
      const room = await newRoom();
      expectEasemobError(await addAdmin(room, outsider), 403, 'forbidden_op');
      expectEasemobError(
        await easemob.post(`/chatrooms/${room}/admin`, { body: { newadmin: 'a b' } }),
        400,
        'invalid_parameter',
        /^newadmin: /,
      );
      expectEasemobError(await easemob.post(`/chatrooms/${room}/admin`), 400, 'invalid_parameter', /^newadmin: /);
      expect(await admins(room)).toEqual([]);
    });

    it('at most 99 admins: the 100th → 403', async () => {
      const users = Array.from({ length: 100 }, (_, i) => String(600_000_000 + i));
      const room = await newRoom(users);
      for (const user of users.slice(0, 99)) expectEasemobOk(await addAdmin(room, user));
      expect(await admins(room)).toHaveLength(99);
      expectEasemobError(await addAdmin(room, users[99]), 403, 'forbidden_op');
      expect(await admins(room)).toHaveLength(99);
    });
  });

  describe('PUT /chatrooms/{id} with newowner', () => {
    it('makes a member the owner; the old owner becomes a plain member', async () => {
      const newOwner = newUserId();
      const room = await newRoom([member, newOwner]);
      const res = await easemob.put(`/chatrooms/${room}`, { body: { newowner: newOwner } });
      expect(expectEasemobOk(res)).toEqual({ newowner: true });
      expect(res.body.action).toBe('put');
      const users = expectEasemobOk(await easemob.get(`/chatrooms/${room}/users`)) as Record<string, string>[];
      expect(users.filter((e) => 'owner' in e)).toEqual([{ owner: newOwner }]);
      expect(users).toContainEqual({ member: owner });
      expect(await admins(room)).toEqual([]);
      const info = await e2e.api.info(e2e.tokens.app, room);
      expect(String(info.owner_id)).toBe(newOwner);
    });

    it('a non-member → 403, nothing changes', async () => {
      const room = await newRoom();
      expectEasemobError(
        await easemob.put(`/chatrooms/${room}`, { body: { newowner: outsider } }),
        403,
        'forbidden_op',
      );
      const info = await e2e.api.info(e2e.tokens.app, room);
      expect(String(info.owner_id)).toBe(owner);
    });

    it('a field that is not a chatroom field → 400 naming it; no field → 400; nothing changes', async () => {
      const room = await newRoom();
      for (const field of ['owner', 'capacity', 'custom']) {
        expectEasemobError(
          await easemob.put(`/chatrooms/${room}`, { body: { newowner: member, [field]: 'x' } }),
          400,
          'invalid_parameter',
          new RegExp(`^${field}: `),
        );
      }
      expectEasemobError(await easemob.put(`/chatrooms/${room}`), 400, 'invalid_parameter', /^body: /);
      const info = await e2e.api.info(e2e.tokens.app, room);
      expect(String(info.owner_id)).toBe(owner);
    });
  });
});
