// GET /group/settings (4.42) and the settings writes 4.43–4.49 through the real built stack.
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

/** Each boolean settings endpoint and the group info field it shows up in. */
const FLAGS = [
  { endpoint: 'allow_member_invitation', infoField: 'member_invite', defaultValue: false },
  { endpoint: 'allow_member_modify', infoField: 'member_modify', defaultValue: false },
  { endpoint: 'enable_read_ack', infoField: 'read_ack', defaultValue: false },
  { endpoint: 'history_visible', infoField: 'history_visible', defaultValue: true },
] as const;

describe('/group/settings', () => {
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
  const unknownId = 4_000_000_000_777;

  beforeAll(async () => {
    stack = await startStack({ suite: 'group-settings', env: HIGH_RATE_LIMIT });
    api = new Api(stack.baseUrl);
    db = await StackDb.connect(stack);
    [appToken, ownerToken, memberToken, outsiderToken] = await Promise.all([
      api.token(),
      api.token(owner),
      api.token(member),
      api.token(outsider),
    ]);
    group = await api.createGroup(ownerToken, { name: 'settings', user_list: [member] });
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

  describe('GET /group/settings', () => {
    it('answers the group info shape, same as GET /group/info', async () => {
      const res = await api.get('/group/settings', { token: memberToken, query: { group_id: group.group_id } });
      expectOk(res);
      expect(Object.keys(res.body.data).sort()).toEqual(GROUP_INFO_KEYS);
      const viaInfo = await api.get('/group/info', { token: memberToken, query: { group_id: group.group_id } });
      expect(res.body.data).toEqual(viaInfo.body.data);
    });

    it('a non-member → 403 not_member; unknown group → 404; bad group_id → 400', async () => {
      expectGroupError(await api.get('/group/settings', { token: outsiderToken, query: { group_id: group.group_id } }), 403, 'not_member');
      expectGroupError(await api.get('/group/settings', { token: ownerToken, query: { group_id: unknownId } }), 404, 'group_not_found');
      expectInvalid(await api.get('/group/settings', { token: ownerToken, query: { group_id: 'x1' } }), 'group_id');
    });
  });

  describe.each(FLAGS)('$endpoint', ({ endpoint, infoField, defaultValue }) => {
    it('defaults as the spec says', async () => {
      expect((await info())[infoField]).toBe(defaultValue);
    });

    it.each(['PUT', 'POST'])('%s by the owner → true, reflected in the info', async (method) => {
      for (const value of [!defaultValue, defaultValue]) {
        const res = await api.call(method, `/group/settings/${endpoint}`, { token: ownerToken, body: { group_id: group.group_id, value } });
        expectOk(res, true);
        const after = await info();
        expect(after[infoField]).toBe(value);
        const settings = await api.get('/group/settings', { token: ownerToken, query: { group_id: group.group_id } });
        expect(settings.body.data[infoField]).toBe(value);
      }
    });

    it('an app-admin token without user_id changes it', async () => {
      expectOk(await api.post(`/group/settings/${endpoint}`, { token: appToken, body: { group_id: group.group_id, value: !defaultValue } }), true);
      expect((await info())[infoField]).toBe(!defaultValue);
      expectOk(await api.put(`/group/settings/${endpoint}`, { token: appToken, body: { group_id: group.group_id, value: defaultValue } }), true);
      expect((await info())[infoField]).toBe(defaultValue);
    });

    it('value not a boolean → 400 naming value, nothing changed', async () => {
      const before = await storedGroup();
      expectInvalid(await api.put(`/group/settings/${endpoint}`, { token: ownerToken, body: { group_id: group.group_id, value: 'yes' } }), 'value');
      expectInvalid(await api.post(`/group/settings/${endpoint}`, { token: ownerToken, body: { group_id: group.group_id, value: 1 } }), 'value');
      expectInvalid(await api.post(`/group/settings/${endpoint}`, { token: ownerToken, body: { group_id: group.group_id } }), 'value');
      expect(await storedGroup()).toEqual(before);
    });

    it('a plain member → 403 forbidden, nothing changed', async () => {
      const before = await storedGroup();
      expectGroupError(
        await api.put(`/group/settings/${endpoint}`, { token: memberToken, body: { group_id: group.group_id, value: !defaultValue } }),
        403,
        'forbidden',
      );
      expectGroupError(
        await api.post(`/group/settings/${endpoint}`, {
          token: appToken,
          query: { user_id: member },
          body: { group_id: group.group_id, value: !defaultValue },
        }),
        403,
        'forbidden',
      );
      expect(await storedGroup()).toEqual(before);
    });

    it('a non-member → 403 not_member; unknown group → 404 group_not_found', async () => {
      expectGroupError(
        await api.put(`/group/settings/${endpoint}`, { token: outsiderToken, body: { group_id: group.group_id, value: true } }),
        403,
        'not_member',
      );
      expectGroupError(
        await api.put(`/group/settings/${endpoint}`, { token: ownerToken, body: { group_id: unknownId, value: true } }),
        404,
        'group_not_found',
      );
    });
  });

  describe('require_admin_approval', () => {
    it.each(['PUT', 'POST'])('%s sets apply_approval 0, 2 and back to 1', async (method) => {
      for (const applyApproval of [0, 2, 1]) {
        const res = await api.call(method, '/group/settings/require_admin_approval', {
          token: ownerToken,
          body: { group_id: group.group_id, apply_approval: applyApproval },
        });
        expectOk(res, true);
        expect((await info()).apply_approval).toBe(applyApproval);
      }
    });

    it('apply_approval 3 or missing → 400 naming apply_approval, nothing changed', async () => {
      const before = await storedGroup();
      expectInvalid(
        await api.put('/group/settings/require_admin_approval', { token: ownerToken, body: { group_id: group.group_id, apply_approval: 3 } }),
        'apply_approval',
      );
      expectInvalid(
        await api.post('/group/settings/require_admin_approval', { token: ownerToken, body: { group_id: group.group_id, apply_approval: '1' } }),
        'apply_approval',
      );
      expectInvalid(await api.post('/group/settings/require_admin_approval', { token: ownerToken, body: { group_id: group.group_id } }), 'apply_approval');
      expect(await storedGroup()).toEqual(before);
    });

    it('a plain member → 403 forbidden; a non-member → 403 not_member', async () => {
      expectGroupError(
        await api.put('/group/settings/require_admin_approval', { token: memberToken, body: { group_id: group.group_id, apply_approval: 0 } }),
        403,
        'forbidden',
      );
      expectGroupError(
        await api.put('/group/settings/require_admin_approval', { token: outsiderToken, body: { group_id: group.group_id, apply_approval: 0 } }),
        403,
        'not_member',
      );
      expect((await info()).apply_approval).toBe(1);
    });
  });

  describe('ban_all / unban_all', () => {
    it('ban_all with a duration in minutes → {ban_expire_time: seconds}, shown in the info', async () => {
      const before = Math.floor(Date.now() / 1000);
      const res = await api.post('/group/settings/ban_all', { token: ownerToken, body: { group_id: group.group_id, duration: 10 } });
      expectOk(res);
      expect(Object.keys(res.body.data)).toEqual(['ban_expire_time']);
      const expires = res.body.data.ban_expire_time;
      expect(expires).toBeGreaterThanOrEqual(before + 600 - 2);
      expect(expires).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 600 + 2);
      expect((await info()).ban_expire_time).toBe(expires);
      const stored = await storedGroup();
      expect(Math.floor(Number(stored?.muteAllUntil) / 1000)).toBe(expires);
    });

    it('unban_all → true, and the info shows ban_expire_time 0', async () => {
      const res = await api.post('/group/settings/unban_all', { token: ownerToken, body: { group_id: group.group_id } });
      expectOk(res, true);
      expect((await info()).ban_expire_time).toBe(0);
      expect((await storedGroup())?.muteAllUntil ?? null).toBeNull();
    });

    it('duration -1 → permanent: ban_expire_time -1', async () => {
      const res = await api.post('/group/settings/ban_all', { token: ownerToken, body: { group_id: group.group_id, duration: -1 } });
      expectOk(res, { ban_expire_time: -1 });
      expect((await info()).ban_expire_time).toBe(-1);
      expectOk(await api.post('/group/settings/unban_all', { token: appToken, body: { group_id: group.group_id } }), true);
      expect((await info()).ban_expire_time).toBe(0);
    });

    it('an app-admin token without user_id mutes all', async () => {
      const res = await api.post('/group/settings/ban_all', { token: appToken, body: { group_id: group.group_id, duration: 1 } });
      expectOk(res);
      expect(res.body.data.ban_expire_time).toBeGreaterThan(Math.floor(Date.now() / 1000));
      expectOk(await api.post('/group/settings/unban_all', { token: ownerToken, body: { group_id: group.group_id } }), true);
    });

    it('duration not an integer or below -1 → 400 naming duration', async () => {
      for (const duration of ['10', 1.5, -2, undefined]) {
        expectInvalid(await api.post('/group/settings/ban_all', { token: ownerToken, body: { group_id: group.group_id, duration } }), 'duration');
      }
      expect((await info()).ban_expire_time).toBe(0);
    });

    it('a plain member → 403 forbidden; a non-member → 403 not_member; unknown group → 404', async () => {
      expectGroupError(await api.post('/group/settings/ban_all', { token: memberToken, body: { group_id: group.group_id, duration: 5 } }), 403, 'forbidden');
      expectGroupError(await api.post('/group/settings/unban_all', { token: memberToken, body: { group_id: group.group_id } }), 403, 'forbidden');
      expectGroupError(
        await api.post('/group/settings/ban_all', { token: appToken, query: { user_id: member }, body: { group_id: group.group_id, duration: 5 } }),
        403,
        'forbidden',
      );
      expectGroupError(await api.post('/group/settings/ban_all', { token: outsiderToken, body: { group_id: group.group_id, duration: 5 } }), 403, 'not_member');
      expectGroupError(await api.post('/group/settings/ban_all', { token: ownerToken, body: { group_id: unknownId, duration: 5 } }), 404, 'group_not_found');
      expectGroupError(await api.post('/group/settings/unban_all', { token: ownerToken, body: { group_id: unknownId } }), 404, 'group_not_found');
      expect((await info()).ban_expire_time).toBe(0);
    });
  });

  it('an unknown setting → 404 in the group envelope, whatever the body', async () => {
    for (const method of ['PUT', 'POST']) {
      for (const body of [{ group_id: group.group_id, value: true }, {}]) {
        const res = await api.call(method, '/group/settings/allow_colours', { token: ownerToken, body });
        expectGroupError(res, 404, 'not_found');
      }
    }
    expectGroupError(await api.get('/group/settings/allow_colours', { token: ownerToken, query: { group_id: group.group_id } }), 404, 'not_found');
  });
});
