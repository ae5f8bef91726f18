// GET /group/settings (4.42) and the settings writes 4.43–4.49 through the real built stack.
import {
  expectForbidden,
  expectGroupNotFound,
  expectInvalid,
  expectNotMember,
  expectOk,
  expectRouteNotFound,
  expectUnchanged,
  GROUP_INFO_KEYS,
  type GroupInfo,
} from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

/** Each boolean settings endpoint and the group info field it shows up in. */
const FLAGS = [
  { endpoint: 'allow_member_invitation', infoField: 'member_invite', defaultValue: false },
  { endpoint: 'allow_member_modify', infoField: 'member_modify', defaultValue: false },
  { endpoint: 'enable_read_ack', infoField: 'read_ack', defaultValue: false },
  { endpoint: 'history_visible', infoField: 'history_visible', defaultValue: true },
] as const;

describe('/group/settings', () => {
  const e2e = useGroupStack('group-settings');
  const { member } = e2e.users;
  let group: GroupInfo;
  const unknownId = 4_000_000_000_777;

  beforeAll(async () => {
    group = await e2e.api.createGroup(e2e.tokens.owner, { name: 'settings', user_list: [member] });
  });

  const info = () => e2e.api.info(e2e.tokens.owner, group.group_id);
  const storedGroup = () => e2e.db.storedGroup(group.group_id);
  /** Runs the refused call(s) and asserts the stored group did not change. */
  const expectGroupUnchanged = (action: () => Promise<unknown>) => expectUnchanged(storedGroup, action);
  /** `method /group/settings/<endpoint>` as `token` with body `{group_id, ...fields}`; `userId` acts as that user. */
  const setting = (method: string, endpoint: string, token: string, fields: Record<string, unknown>, userId?: string) =>
    e2e.api.call(method, `/group/settings/${endpoint}`, {
      token,
      query: { user_id: userId },
      body: { group_id: group.group_id, ...fields },
    });

  describe('GET /group/settings', () => {
    it('answers the group info shape, same as GET /group/info', async () => {
      const res = await e2e.api.get('/group/settings', {
        token: e2e.tokens.member,
        query: { group_id: group.group_id },
      });
      expectOk(res);
      expect(Object.keys(res.body.data).sort()).toEqual(GROUP_INFO_KEYS);
      const viaInfo = await e2e.api.getInfo(e2e.tokens.member, group.group_id);
      expect(res.body.data).toEqual(viaInfo.body.data);
    });

    it('a non-member → 403 not_member; unknown group → 404; bad group_id → 400', async () => {
      expectNotMember(
        await e2e.api.get('/group/settings', { token: e2e.tokens.outsider, query: { group_id: group.group_id } }),
      );
      expectGroupNotFound(
        await e2e.api.get('/group/settings', { token: e2e.tokens.owner, query: { group_id: unknownId } }),
      );
      expectInvalid(
        await e2e.api.get('/group/settings', { token: e2e.tokens.owner, query: { group_id: 'x1' } }),
        'group_id',
      );
    });
  });

  describe.each(FLAGS)('$endpoint', ({ endpoint, infoField, defaultValue }) => {
    it('defaults as the spec says', async () => {
      expect((await info())[infoField]).toBe(defaultValue);
    });

    it.each(['PUT', 'POST'])('%s by the owner → true, reflected in the info', async (method) => {
      for (const value of [!defaultValue, defaultValue]) {
        const res = await setting(method, endpoint, e2e.tokens.owner, { value });
        expectOk(res, true);
        const after = await info();
        expect(after[infoField]).toBe(value);
        const settings = await e2e.api.get('/group/settings', {
          token: e2e.tokens.owner,
          query: { group_id: group.group_id },
        });
        expect(settings.body.data[infoField]).toBe(value);
      }
    });

    it('an app-admin token without user_id changes it', async () => {
      expectOk(await setting('POST', endpoint, e2e.tokens.app, { value: !defaultValue }), true);
      expect((await info())[infoField]).toBe(!defaultValue);
      expectOk(await setting('PUT', endpoint, e2e.tokens.app, { value: defaultValue }), true);
      expect((await info())[infoField]).toBe(defaultValue);
    });

    it('value not a boolean → 400 naming value, nothing changed', async () => {
      await expectGroupUnchanged(async () => {
        expectInvalid(await setting('PUT', endpoint, e2e.tokens.owner, { value: 'yes' }), 'value');
        expectInvalid(await setting('POST', endpoint, e2e.tokens.owner, { value: 1 }), 'value');
        // No value at all is the vendor's zero (false), not an error: group-fidelity.e2e-spec.ts.
      });
    });

    it('a plain member → 403 forbidden, nothing changed', async () => {
      await expectGroupUnchanged(async () => {
        expectForbidden(await setting('PUT', endpoint, e2e.tokens.member, { value: !defaultValue }));
        expectForbidden(await setting('POST', endpoint, e2e.tokens.app, { value: !defaultValue }, member));
      });
    });

    it('a non-member → 403 not_member; unknown group → 404 group_not_found', async () => {
      expectNotMember(await setting('PUT', endpoint, e2e.tokens.outsider, { value: true }));
      expectGroupNotFound(await setting('PUT', endpoint, e2e.tokens.owner, { group_id: unknownId, value: true }));
    });
  });

  describe('require_admin_approval', () => {
    it.each(['PUT', 'POST'])('%s sets apply_approval 0, 2 and back to 1', async (method) => {
      for (const applyApproval of [0, 2, 1]) {
        expectOk(
          await setting(method, 'require_admin_approval', e2e.tokens.owner, { apply_approval: applyApproval }),
          true,
        );
        expect((await info()).apply_approval).toBe(applyApproval);
      }
    });

    it("apply_approval 3 or a string → 400 naming apply_approval, nothing changed (missing is the vendor's 0)", async () => {
      await expectGroupUnchanged(async () => {
        expectInvalid(
          await setting('PUT', 'require_admin_approval', e2e.tokens.owner, { apply_approval: 3 }),
          'apply_approval',
        );
        expectInvalid(
          await setting('POST', 'require_admin_approval', e2e.tokens.owner, { apply_approval: '1' }),
          'apply_approval',
        );
      });
    });

    it('a plain member → 403 forbidden; a non-member → 403 not_member', async () => {
      expectForbidden(await setting('PUT', 'require_admin_approval', e2e.tokens.member, { apply_approval: 0 }));
      expectNotMember(await setting('PUT', 'require_admin_approval', e2e.tokens.outsider, { apply_approval: 0 }));
      expect((await info()).apply_approval).toBe(1);
    });
  });

  describe('ban_all / unban_all', () => {
    it('ban_all with a duration in minutes → {ban_expire_time: seconds}, shown in the info', async () => {
      const before = Math.floor(Date.now() / 1000);
      const res = await setting('POST', 'ban_all', e2e.tokens.owner, { duration: 10 });
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
      const res = await setting('POST', 'unban_all', e2e.tokens.owner, {});
      expectOk(res, true);
      expect((await info()).ban_expire_time).toBe(0);
      expect((await storedGroup())?.muteAllUntil ?? null).toBeNull();
    });

    it('duration -1 → permanent: ban_expire_time -1', async () => {
      const res = await setting('POST', 'ban_all', e2e.tokens.owner, { duration: -1 });
      expectOk(res, { ban_expire_time: -1 });
      expect((await info()).ban_expire_time).toBe(-1);
      expectOk(await setting('POST', 'unban_all', e2e.tokens.app, {}), true);
      expect((await info()).ban_expire_time).toBe(0);
    });

    it('an app-admin token without user_id mutes all', async () => {
      const res = await setting('POST', 'ban_all', e2e.tokens.app, { duration: 1 });
      expectOk(res);
      expect(res.body.data.ban_expire_time).toBeGreaterThan(Math.floor(Date.now() / 1000));
      expectOk(await setting('POST', 'unban_all', e2e.tokens.owner, {}), true);
    });

    it('duration not an integer or below -1 → 400 naming duration', async () => {
      for (const duration of ['10', 1.5, -2, undefined]) {
        expectInvalid(await setting('POST', 'ban_all', e2e.tokens.owner, { duration }), 'duration');
      }
      expect((await info()).ban_expire_time).toBe(0);
    });

    it('a plain member → 403 forbidden; a non-member → 403 not_member; unknown group → 404', async () => {
      expectForbidden(await setting('POST', 'ban_all', e2e.tokens.member, { duration: 5 }));
      expectForbidden(await setting('POST', 'unban_all', e2e.tokens.member, {}));
      expectForbidden(await setting('POST', 'ban_all', e2e.tokens.app, { duration: 5 }, member));
      expectNotMember(await setting('POST', 'ban_all', e2e.tokens.outsider, { duration: 5 }));
      expectGroupNotFound(await setting('POST', 'ban_all', e2e.tokens.owner, { group_id: unknownId, duration: 5 }));
      expectGroupNotFound(await setting('POST', 'unban_all', e2e.tokens.owner, { group_id: unknownId }));
      expect((await info()).ban_expire_time).toBe(0);
    });
  });

  it('an unknown setting → 404 in the group envelope, whatever the body', async () => {
    for (const method of ['PUT', 'POST']) {
      for (const body of [{ group_id: group.group_id, value: true }, {}]) {
        const res = await e2e.api.call(method, '/group/settings/allow_colours', { token: e2e.tokens.owner, body });
        expectRouteNotFound(res);
      }
    }
    expectRouteNotFound(
      await e2e.api.get('/group/settings/allow_colours', {
        token: e2e.tokens.owner,
        query: { group_id: group.group_id },
      }),
    );
  });
});
