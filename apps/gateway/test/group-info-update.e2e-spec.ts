// PUT·POST /group/info/{name,description,avatar,ext} (4.25, 4.27, 4.28, 4.29) through the real built stack.
import { startStack, type Stack } from '@cohort/testing';
import {
  Api,
  expectGroupError,
  expectInvalid,
  expectOk,
  HIGH_RATE_LIMIT,
  newUserId,
  StackDb,
  type GroupInfo,
} from './group-e2e.helpers';

const FIELDS = [
  { field: 'name', limit: 512 },
  { field: 'description', limit: 512 },
  { field: 'avatar', limit: 1024 },
  { field: 'ext', limit: 1024 },
] as const;

describe('PUT·POST /group/info/{field}', () => {
  let stack: Stack;
  let api: Api;
  let db: StackDb;
  let appToken: string;
  const owner = newUserId();
  const member = newUserId();
  const outsider = newUserId();
  let ownerToken: string;
  let memberToken: string;
  let outsiderToken: string;
  let group: GroupInfo;

  beforeAll(async () => {
    stack = await startStack({ suite: 'group-info-update', env: HIGH_RATE_LIMIT });
    api = new Api(stack.baseUrl);
    db = await StackDb.connect(stack);
    [appToken, ownerToken, memberToken, outsiderToken] = await Promise.all([
      api.token(),
      api.token(owner),
      api.token(member),
      api.token(outsider),
    ]);
    group = await api.createGroup(ownerToken, { name: 'before', description: 'd0', avatar: 'https://x.test/0.png', user_list: [member] });
  });

  afterAll(async () => {
    await db?.close();
    await stack?.stop();
  });

  const info = async () => {
    const res = await api.get('/group/info', { token: ownerToken, query: { group_id: group.group_id } });
    expectOk(res);
    return res.body.data as GroupInfo;
  };

  const storedGroup = () => db.groups.findOne({ appId: 'demo', groupId: String(group.group_id) });

  describe.each(FIELDS)('$field', ({ field, limit }) => {
    it.each(['PUT', 'POST'])('%s by the owner → true, visible in GET /group/info', async (method) => {
      const value = `${field} via ${method} ${newUserId()}`;
      const before = await info();
      const res = await api.call(method, `/group/info/${field}`, { token: ownerToken, body: { group_id: group.group_id, value } });
      expectOk(res, true);
      const after = await info();
      expect(after).toEqual({ ...before, [field]: value, updated_at: expect.any(Number) });
      expect(after.updated_at).toBeGreaterThanOrEqual(before.updated_at);
    });

    it(`accepts exactly ${limit} characters`, async () => {
      const value = 'x'.repeat(limit);
      expectOk(await api.put(`/group/info/${field}`, { token: ownerToken, body: { group_id: String(group.group_id), value } }), true);
      expect((await info())[field]).toBe(value);
    });

    it(`more than ${limit} characters → 400 naming value, nothing changed`, async () => {
      const before = await storedGroup();
      for (const method of ['PUT', 'POST']) {
        const res = await api.call(method, `/group/info/${field}`, {
          token: ownerToken,
          body: { group_id: group.group_id, value: 'y'.repeat(limit + 1) },
        });
        expectInvalid(res, 'value');
      }
      expect(await storedGroup()).toEqual(before);
    });

    it('value that is not a string → 400 naming value, nothing changed', async () => {
      const before = await storedGroup();
      expectInvalid(await api.put(`/group/info/${field}`, { token: ownerToken, body: { group_id: group.group_id, value: 123 } }), 'value');
      expectInvalid(await api.post(`/group/info/${field}`, { token: ownerToken, body: { group_id: group.group_id } }), 'value');
      expect(await storedGroup()).toEqual(before);
    });

    it('a plain member → 403 forbidden (member_modify is off), nothing changed', async () => {
      const before = await storedGroup();
      expectGroupError(
        await api.put(`/group/info/${field}`, { token: memberToken, body: { group_id: group.group_id, value: 'member' } }),
        403,
        'forbidden',
      );
      expect(await storedGroup()).toEqual(before);
    });

    it('an app-admin token acting as a plain member → 403 forbidden', async () => {
      expectGroupError(
        await api.post(`/group/info/${field}`, {
          token: appToken,
          query: { user_id: member },
          body: { group_id: group.group_id, value: 'member' },
        }),
        403,
        'forbidden',
      );
    });

    it('a non-member → 403 not_member', async () => {
      expectGroupError(
        await api.post(`/group/info/${field}`, { token: outsiderToken, body: { group_id: group.group_id, value: 'outsider' } }),
        403,
        'not_member',
      );
      expectGroupError(
        await api.put(`/group/info/${field}`, {
          token: appToken,
          query: { user_id: outsider },
          body: { group_id: group.group_id, value: 'outsider' },
        }),
        403,
        'not_member',
      );
    });

    it('unknown group → 404 group_not_found', async () => {
      expectGroupError(
        await api.put(`/group/info/${field}`, { token: ownerToken, body: { group_id: 4_000_000_000_321, value: 'v' } }),
        404,
        'group_not_found',
      );
    });

    it('group_id not numeric → 400 naming group_id', async () => {
      expectInvalid(await api.put(`/group/info/${field}`, { token: ownerToken, body: { group_id: 'abc', value: 'v' } }), 'group_id');
    });
  });

  it('an app-admin token without user_id edits with owner rights', async () => {
    expectOk(await api.put('/group/info/name', { token: appToken, body: { group_id: group.group_id, value: 'by app admin' } }), true);
    expect((await info()).name).toBe('by app admin');
  });

  it('with allow_member_modify on, a plain member may edit every field', async () => {
    expectOk(
      await api.put('/group/settings/allow_member_modify', { token: ownerToken, body: { group_id: group.group_id, value: true } }),
      true,
    );
    for (const { field } of FIELDS) {
      const value = `${field} by member`;
      expectOk(await api.post(`/group/info/${field}`, { token: memberToken, body: { group_id: group.group_id, value } }), true);
      expect((await info())[field]).toBe(value);
    }
    // a non-member is still refused
    expectGroupError(
      await api.post('/group/info/name', { token: outsiderToken, body: { group_id: group.group_id, value: 'x' } }),
      403,
      'not_member',
    );
    expectOk(
      await api.put('/group/settings/allow_member_modify', { token: ownerToken, body: { group_id: group.group_id, value: false } }),
      true,
    );
    expectGroupError(
      await api.post('/group/info/name', { token: memberToken, body: { group_id: group.group_id, value: 'x' } }),
      403,
      'forbidden',
    );
  });

  it('an unknown field → 404 in the group envelope, whatever the body', async () => {
    for (const method of ['PUT', 'POST']) {
      for (const body of [{ group_id: group.group_id, value: 'red' }, {}, { group_id: 'abc', value: 5 }]) {
        const res = await api.call(method, '/group/info/colour', { token: ownerToken, body });
        expectGroupError(res, 404, 'not_found');
      }
    }
  });

  it('a chatroom name is at most 128 characters', async () => {
    const room = await api.createGroup(appToken, { name: 'room', type: 2 }, { user_id: owner });
    const stored = () => db.groups.findOne({ appId: 'demo', groupId: String(room.group_id) });
    const before = await stored();
    const res = await api.put('/group/info/name', { token: ownerToken, body: { group_id: room.group_id, value: 'r'.repeat(129) } });
    expectGroupError(res, 400, 'invalid_parameter', /128/);
    expect(await stored()).toEqual(before);
    expectOk(await api.post('/group/info/name', { token: ownerToken, body: { group_id: room.group_id, value: 'r'.repeat(128) } }), true);
    expect((await stored())?.name).toBe('r'.repeat(128));
  });
});
