// Easemob super admins (/{org}/{app}/chatrooms/super_admin...) through the real built stack: add,
// list a page at a time, remove; `super_admin` is never read as a chatroom id; and the rule they
// exist for, both ways: with a user token only a super admin creates chatrooms (/group/create
// type 2), while an app token always may.
import { EasemobClient, expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { expectForbidden, expectOk, type HttpResult, newUserId } from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

describe('Easemob super admins', () => {
  const e2e = useGroupStack('easemob-super-admins', { db: false });
  const { owner, outsider } = e2e.users;
  let easemob: EasemobClient;

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    await easemob.login();
  });

  const add = (superadmin: string) => easemob.post('/chatrooms/super_admin', { body: { superadmin } });
  const remove = (superAdmin: string) => easemob.delete(`/chatrooms/super_admin/${superAdmin}`);
  /** Every super admin (pages of 1000). */
  const all = async () => {
    const res = await easemob.get('/chatrooms/super_admin', { query: { pagesize: 1000 } });
    return expectEasemobOk(res) as string[];
  };

  it('adds a super admin ({result, resource}), again is still a success; lists and removes it ({newSuperAdmin, resource})', async () => {
    const user = newUserId();
    const res = await add(user);
    expect(expectEasemobOk(res)).toEqual({ result: 'success', resource: '' });
    expect(res.body.action).toBe('post');
    expect(expectEasemobOk(await add(user))).toEqual({ result: 'success', resource: '' });
    expect((await all()).filter((u) => u === user)).toEqual([user]);
    const removed = await remove(user);
    expect(expectEasemobOk(removed)).toEqual({ newSuperAdmin: user, resource: '' });
    expect(removed.body.action).toBe('delete');
    expect(await all()).not.toContain(user);
  });

  it('removing a user who is not a super admin → 404', async () => {
    expectEasemobError(await remove(newUserId()), 404, 'resource_not_found');
    const user = newUserId();
    expectEasemobOk(await add(user));
    expectEasemobOk(await remove(user));
    expectEasemobError(await remove(user), 404, 'resource_not_found');
  });

  it('lists a page at a time: count is the page, params the effective pagenum and pagesize (defaults 1 and 10)', async () => {
    const users = Array.from({ length: 12 }, () => newUserId());
    for (const user of users) expectEasemobOk(await add(user));
    const total = (await all()).length;
    expect(total).toBeGreaterThanOrEqual(12);

    const first = await easemob.get('/chatrooms/super_admin');
    expect(expectEasemobOk(first)).toHaveLength(10);
    expect(first.body).toMatchObject({ count: 10, params: { pagenum: ['1'], pagesize: ['10'] } });

    const pages: string[] = [];
    for (let pagenum = 1; (pagenum - 1) * 5 < total + 5; pagenum += 1) {
      const res = await easemob.get('/chatrooms/super_admin', { query: { pagenum, pagesize: 5 } });
      const data = expectEasemobOk(res) as string[];
      expect(res.body).toMatchObject({ count: data.length, params: { pagenum: [String(pagenum)], pagesize: ['5'] } });
      expect(data.length).toBe(Math.max(0, Math.min(5, total - (pagenum - 1) * 5)));
      pages.push(...data);
    }
    expect(new Set(pages).size).toBe(total);
    expect(pages).toEqual(expect.arrayContaining(users));
    for (const user of users) expectEasemobOk(await remove(user));
  });

  it('refuses an invalid superadmin or page → 400 naming it', async () => {
    expectEasemobError(await add('a b'), 400, 'invalid_parameter', /^superadmin: /);
    expectEasemobError(await easemob.post('/chatrooms/super_admin'), 400, 'invalid_parameter', /^superadmin: /);
    for (const [query, field] of [
      [{ pagesize: 1001 }, 'pagesize'],
      [{ pagesize: 0 }, 'pagesize'],
      [{ pagenum: 0 }, 'pagenum'],
    ] as const) {
      expectEasemobError(
        await easemob.get('/chatrooms/super_admin', { query }),
        400,
        'invalid_parameter',
        new RegExp(`^${field}: `),
      );
    }
  });

  it('super_admin is not a chatroom id: its routes are never the chatroom routes', async () => {
    expect(Array.isArray(expectEasemobOk(await easemob.get('/chatrooms/super_admin')))).toBe(true);
    expectEasemobError(await easemob.put('/chatrooms/super_admin', { body: { name: 'x' } }), 404, 'resource_not_found');
    expectEasemobError(await easemob.get('/chatrooms/super_admin/users'), 404, 'resource_not_found');
  });

  it('needs the app token', async () => {
    expectEasemobError(await easemob.get('/chatrooms/super_admin', { token: null }), 401, 'unauthorized');
    expectEasemobError(
      await easemob.post('/chatrooms/super_admin', { body: { superadmin: owner }, token: e2e.tokens.owner }),
      401,
      'unauthorized',
    );
  });

  describe('who creates chatrooms with /group/create', () => {
    const createChatroomAs = (token: string, query: Record<string, string> = {}): Promise<HttpResult> =>
      e2e.api.post('/group/create', { token, body: { type: 2, name: 'by-user' }, query });

    it('with a user token: only a super admin — refused before, allowed once added, refused again once removed', async () => {
      expectForbidden(await createChatroomAs(e2e.tokens.outsider));
      expectEasemobOk(await add(outsider));
      const created = await createChatroomAs(e2e.tokens.outsider);
      expectOk(created);
      expect(created.body.data).toMatchObject({ type: 2, name: 'by-user', owner_id: Number(outsider) });
      expectEasemobOk(await remove(outsider));
      expectForbidden(await createChatroomAs(e2e.tokens.outsider));
      // private groups need no super admin
      expectOk(await e2e.api.post('/group/create', { token: e2e.tokens.outsider, body: { type: 0, name: 'mine' } }));
    });

    it('an app token always may, acting as any user', async () => {
      expectOk(await createChatroomAs(e2e.tokens.app, { user_id: owner }));
      expectOk(await createChatroomAs(e2e.tokens.app, { user_id: newUserId() }));
    });
  });
});
