// PUT·POST /group/info/{name,description,avatar,ext} (4.25, 4.27, 4.28, 4.29) through the real built stack.
import {
  expectForbidden,
  expectGroupError,
  expectGroupNotFound,
  expectInvalid,
  expectNotMember,
  expectOk,
  expectRouteNotFound,
  expectUnchanged,
  type GroupInfo,
  newUserId,
} from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

const FIELDS = [
  { field: 'name', limit: 512 },
  { field: 'description', limit: 512 },
  { field: 'avatar', limit: 1024 },
  { field: 'ext', limit: 1024 },
] as const;

describe('PUT·POST /group/info/{field}', () => {
  const e2e = useGroupStack('group-info-update');
  const { owner, member, outsider } = e2e.users;
  let group: GroupInfo;

  beforeAll(async () => {
    group = await e2e.api.createGroup(e2e.tokens.owner, {
      name: 'before',
      description: 'd0',
      avatar: 'https://x.test/0.png',
      user_list: [member],
    });
  });

  const info = () => e2e.api.info(e2e.tokens.owner, group.group_id);
  /** Runs the refused call(s) and asserts the stored group did not change. */
  const expectGroupUnchanged = (action: () => Promise<unknown>) =>
    expectUnchanged(() => e2e.db.storedGroup(group.group_id), action);

  describe.each(FIELDS)('$field', ({ field, limit }) => {
    /** `method /group/info/<field>` as `token` with body `{group_id, value}`; `userId` acts as that user. */
    const update = (
      method: string,
      token: string,
      value: unknown,
      userId?: string,
      groupId: number | string = group.group_id,
    ) =>
      e2e.api.call(method, `/group/info/${field}`, {
        token,
        query: { user_id: userId },
        body: { group_id: groupId, value },
      });

    it.each(['PUT', 'POST'])('%s by the owner → true, visible in GET /group/info', async (method) => {
      const value = `${field} via ${method} ${newUserId()}`;
      const before = await info();
      expectOk(await update(method, e2e.tokens.owner, value), true);
      const after = await info();
      expect(after).toEqual({ ...before, [field]: value, updated_at: expect.any(Number) });
      expect(after.updated_at).toBeGreaterThanOrEqual(before.updated_at);
    });

    it(`accepts exactly ${limit} characters`, async () => {
      const value = 'x'.repeat(limit);
      expectOk(await update('PUT', e2e.tokens.owner, value, undefined, String(group.group_id)), true);
      expect((await info())[field]).toBe(value);
    });

    it(`more than ${limit} characters → 400 naming value, nothing changed`, async () => {
      await expectGroupUnchanged(async () => {
        for (const method of ['PUT', 'POST'])
          expectInvalid(await update(method, e2e.tokens.owner, 'y'.repeat(limit + 1)), 'value');
      });
    });

    it('value that is not a string → 400 naming value, nothing changed', async () => {
      await expectGroupUnchanged(async () => {
        expectInvalid(await update('PUT', e2e.tokens.owner, 123), 'value');
        expectInvalid(
          await e2e.api.post(`/group/info/${field}`, { token: e2e.tokens.owner, body: { group_id: group.group_id } }),
          'value',
        );
      });
    });

    it('a plain member → 403 forbidden (member_modify is off), nothing changed', async () => {
      await expectGroupUnchanged(async () => expectForbidden(await update('PUT', e2e.tokens.member, 'member')));
    });

    it('an app-admin token acting as a plain member → 403 forbidden', async () => {
      expectForbidden(await update('POST', e2e.tokens.app, 'member', member));
    });

    it('a non-member → 403 not_member', async () => {
      expectNotMember(await update('POST', e2e.tokens.outsider, 'outsider'));
      expectNotMember(await update('PUT', e2e.tokens.app, 'outsider', outsider));
    });

    it('unknown group → 404 group_not_found', async () => {
      expectGroupNotFound(await update('PUT', e2e.tokens.owner, 'v', undefined, 4_000_000_000_321));
    });

    it('group_id not numeric → 400 naming group_id', async () => {
      expectInvalid(await update('PUT', e2e.tokens.owner, 'v', undefined, 'abc'), 'group_id');
    });
  });

  it('an app-admin token without user_id edits with owner rights', async () => {
    expectOk(
      await e2e.api.put('/group/info/name', {
        token: e2e.tokens.app,
        body: { group_id: group.group_id, value: 'by app admin' },
      }),
      true,
    );
    expect((await info()).name).toBe('by app admin');
  });

  it('with allow_member_modify on, a plain member may edit every field', async () => {
    expectOk(
      await e2e.api.put('/group/settings/allow_member_modify', {
        token: e2e.tokens.owner,
        body: { group_id: group.group_id, value: true },
      }),
      true,
    );
    for (const { field } of FIELDS) {
      const value = `${field} by member`;
      expectOk(
        await e2e.api.post(`/group/info/${field}`, {
          token: e2e.tokens.member,
          body: { group_id: group.group_id, value },
        }),
        true,
      );
      expect((await info())[field]).toBe(value);
    }
    // a non-member is still refused
    expectNotMember(
      await e2e.api.post('/group/info/name', {
        token: e2e.tokens.outsider,
        body: { group_id: group.group_id, value: 'x' },
      }),
    );
    expectOk(
      await e2e.api.put('/group/settings/allow_member_modify', {
        token: e2e.tokens.owner,
        body: { group_id: group.group_id, value: false },
      }),
      true,
    );
    expectForbidden(
      await e2e.api.post('/group/info/name', {
        token: e2e.tokens.member,
        body: { group_id: group.group_id, value: 'x' },
      }),
    );
  });

  it('an unknown field → 404 in the group envelope, whatever the body', async () => {
    for (const method of ['PUT', 'POST']) {
      for (const body of [{ group_id: group.group_id, value: 'red' }, {}, { group_id: 'abc', value: 5 }]) {
        const res = await e2e.api.call(method, '/group/info/colour', { token: e2e.tokens.owner, body });
        expectRouteNotFound(res);
      }
    }
  });

  it('a chatroom name is at most 128 characters', async () => {
    const room = await e2e.api.createGroup(e2e.tokens.app, { name: 'room', type: 2 }, { user_id: owner });
    const stored = () => e2e.db.storedGroup(room.group_id);
    await expectUnchanged(stored, async () => {
      const res = await e2e.api.put('/group/info/name', {
        token: e2e.tokens.owner,
        body: { group_id: room.group_id, value: 'r'.repeat(129) },
      });
      expectGroupError(res, 400, 'invalid_parameter', /^invalid_parameter: value: .*128/);
    });
    expectOk(
      await e2e.api.post('/group/info/name', {
        token: e2e.tokens.owner,
        body: { group_id: room.group_id, value: 'r'.repeat(128) },
      }),
      true,
    );
    expect((await stored())?.name).toBe('r'.repeat(128));
  });
});
