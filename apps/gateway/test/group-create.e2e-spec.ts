// POST /group/create (4.16) through the real built stack.
import {
  expectEdgeError,
  expectForbidden,
  expectInvalid,
  expectOk,
  expectUnauthorized,
  expectUnchanged,
  GROUP_INFO_KEYS,
  type GroupInfo,
  newUserId,
} from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';
import { groupKey } from './stack-db';

describe('POST /group/create', () => {
  const e2e = useGroupStack('group-create');
  const { owner } = e2e.users;

  /** The request must fail without writing a group, a roster or a member. */
  const expectNothingWritten = (request: () => Promise<void>) => expectUnchanged(() => e2e.db.counts(), request);

  it('creates a private group: the caller owns it, user_list joins, defaults as the spec says', async () => {
    const [u1, u2] = [newUserId(), newUserId()];
    const before = Date.now();
    const res = await e2e.api.post('/group/create', {
      token: e2e.tokens.owner,
      // numbers and numeric strings; a duplicate and the owner himself are not counted twice
      body: {
        name: 'Hikers',
        description: 'weekend trips',
        avatar: 'https://x.test/a.png',
        type: 0,
        user_list: [Number(u1), u2, u1, owner],
      },
    });
    expectOk(res);
    const info: GroupInfo = res.body.data;
    expect(Object.keys(info).sort()).toEqual(GROUP_INFO_KEYS);
    expect(info).toEqual({
      apply_approval: 1,
      avatar: 'https://x.test/a.png',
      ban_expire_time: 0,
      capacity: 1000,
      count: 3,
      created_at: expect.any(Number),
      description: 'weekend trips',
      ext: '',
      group_id: expect.any(Number),
      history_visible: true,
      member_invite: false,
      member_modify: false,
      msg_mute_mode: 0,
      msg_push_mode: 0,
      name: 'Hikers',
      owner_id: Number(owner),
      read_ack: false,
      status: 0,
      type: 0,
      updated_at: expect.any(Number),
    });
    expect(Number.isSafeInteger(info.group_id)).toBe(true);
    expect(info.created_at).toBeGreaterThanOrEqual(before - 5_000);
    expect(info.created_at).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(info.updated_at).toBeGreaterThanOrEqual(info.created_at);

    expect(await e2e.db.roles(info.group_id)).toEqual({ [owner]: 'owner', [u1]: 'member', [u2]: 'member' });
    const group = await e2e.db.storedGroup(info.group_id);
    expect(group).toMatchObject({
      type: 'group',
      name: 'Hikers',
      ownerId: owner,
      capacity: 1000,
      public: false,
      status: 'active',
      settings: {
        applyApproval: 1,
        memberInvite: false,
        memberModify: false,
        readAck: false,
        historyVisible: true,
        disappearSeconds: 0,
      },
    });
    expect(group?.muteAllUntil ?? null).toBeNull();
    expect(await e2e.db.rosters.findOne(groupKey(info.group_id))).toMatchObject({
      ownerId: owner,
      capacity: 1000,
      memberCount: 3,
    });
  });

  it('creates with an empty body: type 0, empty texts, the owner alone', async () => {
    const res = await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: {} });
    expectOk(res);
    expect(res.body.data).toMatchObject({
      type: 0,
      name: '',
      description: '',
      avatar: '',
      count: 1,
      apply_approval: 1,
      owner_id: Number(owner),
    });
    expect(await e2e.db.roles(res.body.data.group_id)).toEqual({ [owner]: 'owner' });
  });

  it('accepts Authorization: Bearer as well as access-token', async () => {
    const res = await e2e.api.post('/group/create', {
      token: e2e.tokens.owner,
      auth: 'bearer',
      body: { name: 'bearer' },
    });
    expectOk(res);
    expect(res.body.data).toMatchObject({ name: 'bearer', owner_id: Number(owner), count: 1 });
  });

  it('gives every created group its own id', async () => {
    const a = await e2e.api.createGroup(e2e.tokens.owner);
    const b = await e2e.api.createGroup(e2e.tokens.owner);
    expect(a.group_id).not.toEqual(b.group_id);
  });

  describe('app-admin token', () => {
    it('without user_id → the first listed user is the owner', async () => {
      const [first, second] = [newUserId(), newUserId()];
      const res = await e2e.api.post('/group/create', {
        token: e2e.tokens.app,
        body: { name: 'first owns', user_list: [first, second] },
      });
      expectOk(res);
      expect(String(res.body.data.owner_id)).toBe(first);
    });

    it('with user_id → that user is the owner', async () => {
      const someone = newUserId();
      const member = newUserId();
      const res = await e2e.api.post('/group/create', {
        token: e2e.tokens.app,
        query: { user_id: someone },
        body: { name: 'by admin', user_list: [member] },
      });
      expectOk(res);
      expect(res.body.data).toMatchObject({ owner_id: Number(someone), count: 2, type: 0, apply_approval: 1 });
      expect(await e2e.db.roles(res.body.data.group_id)).toEqual({ [someone]: 'owner', [member]: 'member' });
    });

    it('with user_id creates a chatroom (type 2, apply_approval 0)', async () => {
      const someone = newUserId();
      const res = await e2e.api.post('/group/create', {
        token: e2e.tokens.app,
        query: { user_id: someone },
        body: { name: 'lobby', type: 2 },
      });
      expectOk(res);
      expect(Object.keys(res.body.data).sort()).toEqual(GROUP_INFO_KEYS);
      expect(res.body.data).toMatchObject({
        type: 2,
        apply_approval: 0,
        owner_id: Number(someone),
        count: 1,
        member_invite: false,
        member_modify: false,
        read_ack: false,
        history_visible: true,
        capacity: 1000,
        status: 0,
        ban_expire_time: 0,
      });
      const group = await e2e.db.storedGroup(res.body.data.group_id);
      expect(group).toMatchObject({ type: 'chatroom', public: true, status: 'active', settings: { applyApproval: 0 } });
    });
  });

  it('a user token (not a super admin) may not create a chatroom → 403 forbidden, nothing written', async () => {
    await expectNothingWritten(async () => {
      expectForbidden(
        await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: { name: 'room', type: 2 } }),
      );
    });
  });

  it('a user token with user_id naming someone else → 401, nothing written; naming itself creates', async () => {
    await expectNothingWritten(async () => {
      expectUnauthorized(
        await e2e.api.post('/group/create', {
          token: e2e.tokens.owner,
          query: { user_id: newUserId() },
          body: { name: 'mine' },
        }),
      );
    });
    const res = await e2e.api.post('/group/create', {
      token: e2e.tokens.owner,
      query: { user_id: owner },
      body: { name: 'mine' },
    });
    expectOk(res);
    expect(res.body.data.owner_id).toBe(Number(owner));
  });

  describe('validation → 400 naming the field, nothing written', () => {
    it('name longer than 512 characters', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(
          await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: { name: 'n'.repeat(513) } }),
          'name',
        );
      });
    });

    it('name of exactly 512 characters is fine', async () => {
      const res = await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: { name: 'n'.repeat(512) } });
      expectOk(res);
      expect(res.body.data.name).toBe('n'.repeat(512));
    });

    it('chatroom name longer than 128 characters', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(
          await e2e.api.post('/group/create', {
            token: e2e.tokens.app,
            query: { user_id: owner },
            body: { name: 'r'.repeat(129), type: 2 },
          }),
          'name',
        );
      });
      const res = await e2e.api.post('/group/create', {
        token: e2e.tokens.app,
        query: { user_id: owner },
        body: { name: 'r'.repeat(128), type: 2 },
      });
      expectOk(res);
      expect(res.body.data).toMatchObject({ name: 'r'.repeat(128), type: 2 });
    });

    it('description longer than 512 characters', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(
          await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: { description: 'd'.repeat(513) } }),
          'description',
        );
      });
    });

    it('avatar longer than 1024 characters', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(
          await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: { avatar: 'a'.repeat(1025) } }),
          'avatar',
        );
      });
    });

    it('type 1', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(
          await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: { name: 't', type: 1 } }),
          'type',
        );
      });
    });

    it('name that is not a string', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: { name: 42 } }), 'name');
      });
    });

    it('user_list that is not an array', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(
          await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: { name: 'u', user_list: newUserId() } }),
          'user_list',
        );
      });
    });

    it('user_list with a non-numeric id', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(
          await e2e.api.post('/group/create', {
            token: e2e.tokens.owner,
            body: { name: 'u', user_list: [Number(newUserId()), 'alice'] },
          }),
          'user_list',
        );
      });
    });

    it('a body that is not JSON (it never reaches the dialect: HTTP 400 too)', async () => {
      await expectNothingWritten(async () => {
        const res = await e2e.api.post('/group/create', {
          token: e2e.tokens.owner,
          body: '{"name": ',
          headers: { 'content-type': 'application/json' },
        });
        expectEdgeError(res, 400, 'invalid_parameter');
      });
    });
  });

  it("exactly 999 users besides the owner fill the default capacity; one more grows it to fit (up to the app's maximum)", async () => {
    const users = Array.from({ length: 999 }, (_, i) => String(800_000_000 + i));
    // the owner and a repeated id in the list do not count
    const res = await e2e.api.post('/group/create', {
      token: e2e.tokens.owner,
      body: { name: 'full', user_list: [owner, ...users, users[0]] },
    });
    expectOk(res);
    expect(res.body.data).toMatchObject({ count: 1000, capacity: 1000 });
    expect(await e2e.db.members.countDocuments(groupKey(res.body.data.group_id))).toBe(1000);
    const more = await e2e.api.post('/group/create', {
      token: e2e.tokens.owner,
      body: { name: 'grown', user_list: [...users, '900000001'] },
    });
    expectOk(more);
    expect(more.body.data).toMatchObject({ count: 1001, capacity: 1001 });
  });

  it('without a token → 401, nothing written', async () => {
    await expectNothingWritten(async () => {
      expectUnauthorized(await e2e.api.post('/group/create', { body: { name: 'anon' } }));
    });
  });
});
