// DELETE·POST /group/destroy (4.17) through the real built stack, including the durable
// `group.destroyed` event that makes membership drop the roster.
import { expectEventually, startStack, type Stack } from '@cohort/testing';
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

describe('DELETE·POST /group/destroy', () => {
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

  beforeAll(async () => {
    stack = await startStack({ suite: 'group-destroy', env: HIGH_RATE_LIMIT });
    api = new Api(stack.baseUrl);
    db = await StackDb.connect(stack);
    [appToken, ownerToken, memberToken, outsiderToken] = await Promise.all([
      api.token(),
      api.token(owner),
      api.token(member),
      api.token(outsider),
    ]);
  });

  afterAll(async () => {
    await db?.close();
    await stack?.stop();
  });

  const newGroup = () => api.createGroup(ownerToken, { name: 'doomed', user_list: [member, newUserId()] });
  const key = (group: GroupInfo) => ({ appId: 'demo', groupId: String(group.group_id) });

  /** The group is gone for readers, dissolved in its own db, and its roster is purged (eventually). */
  async function expectDestroyed(group: GroupInfo) {
    expectGroupError(await api.get('/group/info', { token: ownerToken, query: { group_id: group.group_id } }), 404, 'group_not_found');
    expectGroupError(await api.get('/group/info', { token: appToken, query: { group_id: group.group_id } }), 404, 'group_not_found');
    expect(await db.groups.findOne(key(group))).toMatchObject({ status: 'dissolved' });
    await expectEventually(
      async () => {
        expect(await db.members.countDocuments(key(group))).toBe(0);
        expect(await db.rosters.countDocuments(key(group))).toBe(0);
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
  }

  it.each(['DELETE', 'POST'])('%s by the owner → true; the group is gone and its roster purged', async (method) => {
    const group = await newGroup();
    expect(await db.members.countDocuments(key(group))).toBe(3);
    expect(await db.rosters.countDocuments(key(group))).toBe(1);

    const res = await api.call(method, '/group/destroy', { token: ownerToken, query: { group_id: group.group_id } });
    expectOk(res, true);
    await expectDestroyed(group);
  });

  it('a second destroy → 404 group_not_found', async () => {
    const group = await newGroup();
    expectOk(await api.delete('/group/destroy', { token: ownerToken, query: { group_id: group.group_id } }), true);
    expectGroupError(await api.delete('/group/destroy', { token: ownerToken, query: { group_id: group.group_id } }), 404, 'group_not_found');
    expectGroupError(await api.post('/group/destroy', { token: appToken, query: { group_id: group.group_id } }), 404, 'group_not_found');
  });

  it('an app-admin token without user_id destroys with owner rights', async () => {
    const group = await newGroup();
    expectOk(await api.post('/group/destroy', { token: appToken, query: { group_id: String(group.group_id) } }), true);
    await expectDestroyed(group);
  });

  it('an app-admin token with user_id of the owner destroys', async () => {
    const group = await newGroup();
    expectOk(await api.delete('/group/destroy', { token: appToken, query: { group_id: group.group_id, user_id: owner } }), true);
    await expectDestroyed(group);
  });

  it('batch info leaves a destroyed group out', async () => {
    const kept = await newGroup();
    const gone = await newGroup();
    expectOk(await api.delete('/group/destroy', { token: ownerToken, query: { group_id: gone.group_id } }), true);
    const res = await api.post('/group/info/batch', { token: ownerToken, body: { group_list: [kept.group_id, gone.group_id] } });
    expectOk(res);
    expect(res.body.data.map((g: { group_id: number }) => g.group_id)).toEqual([kept.group_id]);
  });

  describe('refused, nothing changed', () => {
    let group: GroupInfo;

    beforeAll(async () => {
      group = await newGroup();
    });

    afterEach(async () => {
      // still there, still active, roster intact
      expectOk(await api.get('/group/info', { token: ownerToken, query: { group_id: group.group_id } }));
      expect(await db.groups.findOne(key(group))).toMatchObject({ status: 'active' });
      expect(await db.members.countDocuments(key(group))).toBe(3);
      expect(await db.rosters.findOne(key(group))).toMatchObject({ memberCount: 3 });
    });

    it('a plain member → 403 forbidden', async () => {
      for (const method of ['DELETE', 'POST']) {
        expectGroupError(await api.call(method, '/group/destroy', { token: memberToken, query: { group_id: group.group_id } }), 403, 'forbidden');
      }
    });

    it('an app-admin token acting as a plain member (admin-level call, not the owner) → 403 forbidden', async () => {
      expectGroupError(
        await api.delete('/group/destroy', { token: appToken, query: { group_id: group.group_id, user_id: member } }),
        403,
        'forbidden',
      );
    });

    it('a non-member → 403 not_member', async () => {
      expectGroupError(await api.delete('/group/destroy', { token: outsiderToken, query: { group_id: group.group_id } }), 403, 'not_member');
      expectGroupError(
        await api.post('/group/destroy', { token: appToken, query: { group_id: group.group_id, user_id: outsider } }),
        403,
        'not_member',
      );
    });

    it('a user token naming the owner in user_id is still itself → 403', async () => {
      expectGroupError(
        await api.delete('/group/destroy', { token: memberToken, query: { group_id: group.group_id, user_id: owner } }),
        403,
        'forbidden',
      );
    });

    it('group_id missing or not numeric → 400 naming group_id', async () => {
      expectInvalid(await api.delete('/group/destroy', { token: ownerToken }), 'group_id');
      expectInvalid(await api.post('/group/destroy', { token: ownerToken, query: { group_id: 'abc' } }), 'group_id');
    });

    it('without a token → 401', async () => {
      expectGroupError(await api.delete('/group/destroy', { query: { group_id: group.group_id } }), 401, 'unauthorized');
    });
  });

  it('unknown group → 404 group_not_found', async () => {
    expectGroupError(await api.delete('/group/destroy', { token: ownerToken, query: { group_id: 4_000_000_000_999 } }), 404, 'group_not_found');
  });
});
