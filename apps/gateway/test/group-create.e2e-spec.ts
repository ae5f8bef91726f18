// POST /group/create (seed 001 4.16) through the real built stack.
import { startStack, type Stack } from '@cohort/testing';
import {
  Api,
  expectGroupError,
  expectInvalid,
  expectOk,
  GROUP_INFO_KEYS,
  HIGH_RATE_LIMIT,
  newUserId,
  StackDb,
  type GroupInfo,
} from './group-e2e.helpers';

describe('POST /group/create', () => {
  let stack: Stack;
  let api: Api;
  let db: StackDb;
  let appToken: string;
  const owner = newUserId();
  let ownerToken: string;

  beforeAll(async () => {
    stack = await startStack({ suite: 'group-create', env: HIGH_RATE_LIMIT });
    api = new Api(stack.baseUrl);
    db = await StackDb.connect(stack);
    appToken = await api.token();
    ownerToken = await api.token(owner);
  });

  afterAll(async () => {
    await db?.close();
    await stack?.stop();
  });

  /** The request must fail without writing a group, a roster or a member. */
  async function expectNothingWritten(request: () => Promise<void>) {
    const before = await db.counts();
    await request();
    expect(await db.counts()).toEqual(before);
  }

  it('creates a private group: the caller owns it, user_list joins, defaults as the spec says', async () => {
    const [u1, u2] = [newUserId(), newUserId()];
    const before = Date.now();
    const res = await api.post('/group/create', {
      token: ownerToken,
      // numbers and numeric strings; a duplicate and the owner himself are not counted twice
      body: { name: 'Hikers', description: 'weekend trips', avatar: 'https://x.test/a.png', type: 0, user_list: [Number(u1), u2, u1, owner] },
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

    expect(await db.roles(info.group_id)).toEqual({ [owner]: 'owner', [u1]: 'member', [u2]: 'member' });
    const group = await db.groups.findOne({ appId: 'demo', groupId: String(info.group_id) });
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
    expect(await db.rosters.findOne({ appId: 'demo', groupId: String(info.group_id) })).toMatchObject({
      ownerId: owner,
      capacity: 1000,
      memberCount: 3,
    });
  });

  it('creates with an empty body: type 0, empty texts, the owner alone', async () => {
    const res = await api.post('/group/create', { token: ownerToken, body: {} });
    expectOk(res);
    expect(res.body.data).toMatchObject({ type: 0, name: '', description: '', avatar: '', count: 1, apply_approval: 1, owner_id: Number(owner) });
    expect(await db.roles(res.body.data.group_id)).toEqual({ [owner]: 'owner' });
  });

  it('accepts Authorization: Bearer as well as access-token', async () => {
    const res = await api.post('/group/create', { token: ownerToken, auth: 'bearer', body: { name: 'bearer' } });
    expectOk(res);
    expect(res.body.data).toMatchObject({ name: 'bearer', owner_id: Number(owner), count: 1 });
  });

  it('gives every created group its own id', async () => {
    const a = await api.createGroup(ownerToken);
    const b = await api.createGroup(ownerToken);
    expect(a.group_id).not.toEqual(b.group_id);
  });

  describe('app-admin token', () => {
    it('without user_id → 400 naming user_id, nothing written', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(await api.post('/group/create', { token: appToken, body: { name: 'no owner', user_list: [newUserId()] } }), 'user_id');
      });
    });

    it('with user_id → that user is the owner', async () => {
      const someone = newUserId();
      const member = newUserId();
      const res = await api.post('/group/create', {
        token: appToken,
        query: { user_id: someone },
        body: { name: 'by admin', user_list: [member] },
      });
      expectOk(res);
      expect(res.body.data).toMatchObject({ owner_id: Number(someone), count: 2, type: 0, apply_approval: 1 });
      expect(await db.roles(res.body.data.group_id)).toEqual({ [someone]: 'owner', [member]: 'member' });
    });

    it('with user_id creates a chatroom (type 2, apply_approval 0)', async () => {
      const someone = newUserId();
      const res = await api.post('/group/create', { token: appToken, query: { user_id: someone }, body: { name: 'lobby', type: 2 } });
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
      const group = await db.groups.findOne({ appId: 'demo', groupId: String(res.body.data.group_id) });
      expect(group).toMatchObject({ type: 'chatroom', public: true, status: 'active', settings: { applyApproval: 0 } });
    });
  });

  it('a user token (not a super admin) may not create a chatroom → 403 forbidden, nothing written', async () => {
    await expectNothingWritten(async () => {
      expectGroupError(await api.post('/group/create', { token: ownerToken, body: { name: 'room', type: 2 } }), 403, 'forbidden');
    });
  });

  it('a user token with user_id naming someone else still creates as itself', async () => {
    const res = await api.post('/group/create', { token: ownerToken, query: { user_id: newUserId() }, body: { name: 'mine' } });
    expectOk(res);
    expect(res.body.data.owner_id).toBe(Number(owner));
  });

  describe('validation → 400 naming the field, nothing written', () => {
    it('name longer than 512 characters', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(await api.post('/group/create', { token: ownerToken, body: { name: 'n'.repeat(513) } }), 'name');
      });
    });

    it('name of exactly 512 characters is fine', async () => {
      const res = await api.post('/group/create', { token: ownerToken, body: { name: 'n'.repeat(512) } });
      expectOk(res);
      expect(res.body.data.name).toBe('n'.repeat(512));
    });

    it('chatroom name longer than 128 characters', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(
          await api.post('/group/create', { token: appToken, query: { user_id: owner }, body: { name: 'r'.repeat(129), type: 2 } }),
          'name',
        );
      });
      const res = await api.post('/group/create', { token: appToken, query: { user_id: owner }, body: { name: 'r'.repeat(128), type: 2 } });
      expectOk(res);
      expect(res.body.data).toMatchObject({ name: 'r'.repeat(128), type: 2 });
    });

    it('description longer than 512 characters', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(await api.post('/group/create', { token: ownerToken, body: { description: 'd'.repeat(513) } }), 'description');
      });
    });

    it('avatar longer than 1024 characters', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(await api.post('/group/create', { token: ownerToken, body: { avatar: 'a'.repeat(1025) } }), 'avatar');
      });
    });

    it('type 1', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(await api.post('/group/create', { token: ownerToken, body: { name: 't', type: 1 } }), 'type');
      });
    });

    it('name that is not a string', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(await api.post('/group/create', { token: ownerToken, body: { name: 42 } }), 'name');
      });
    });

    it('user_list that is not an array', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(await api.post('/group/create', { token: ownerToken, body: { name: 'u', user_list: newUserId() } }), 'user_list');
      });
    });

    it('user_list with a non-numeric id', async () => {
      await expectNothingWritten(async () => {
        expectInvalid(
          await api.post('/group/create', { token: ownerToken, body: { name: 'u', user_list: [Number(newUserId()), 'alice'] } }),
          'user_list',
        );
      });
    });

    it('more than 999 users besides the owner (capacity 1000 includes the owner)', async () => {
      const users = Array.from({ length: 1000 }, (_, i) => String(900_000_000 + i));
      await expectNothingWritten(async () => {
        expectInvalid(await api.post('/group/create', { token: ownerToken, body: { name: 'too big', user_list: users } }), 'user_list');
      });
    });

    it('a body that is not JSON', async () => {
      await expectNothingWritten(async () => {
        const res = await api.post('/group/create', { token: ownerToken, body: '{"name": ', headers: { 'content-type': 'application/json' } });
        expectGroupError(res, 400, 'invalid_parameter');
      });
    });
  });

  it('exactly 999 users besides the owner fill the group to its capacity', async () => {
    const users = Array.from({ length: 999 }, (_, i) => String(800_000_000 + i));
    // the owner and a repeated id in the list do not count
    const res = await api.post('/group/create', { token: ownerToken, body: { name: 'full', user_list: [owner, ...users, users[0]] } });
    expectOk(res);
    expect(res.body.data).toMatchObject({ count: 1000, capacity: 1000 });
    expect(await db.members.countDocuments({ appId: 'demo', groupId: String(res.body.data.group_id) })).toBe(1000);
  });

  it('without a token → 401, nothing written', async () => {
    await expectNothingWritten(async () => {
      expectGroupError(await api.post('/group/create', { body: { name: 'anon' } }), 401, 'unauthorized');
    });
  });
});
