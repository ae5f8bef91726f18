import { expectEventually } from '@cohort/testing';

import { APP_ID, CLIENT_ID, CLIENT_SECRET, type HttpResult } from './group-e2e.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';

const OTHER_APP = {
  appId: 'other',
  orgName: 'otherorg',
  appName: 'otherapp',
  clientId: 'other-client',
  clientSecret: 'other-secret-123',
};
const APPS_JSON = JSON.stringify([
  { appId: APP_ID, orgName: 'demo', appName: 'demo', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  OTHER_APP,
]);

const expectError = (res: HttpResult, status: number, error: string, field?: string) => {
  expect({ status: res.status, error: res.body?.error }).toEqual({ status, error });
  if (field) expect(res.body.message).toContain(field);
};

/** Every route of the native admin API: who may call it, bad input named, unknown groups. */
describe('admin API /admin/v1 (e2e)', () => {
  const s = useGroupStack('admin-api', { env: HIGH_RATE_LIMIT, appEnv: { gateway: { APPS_JSON } } });
  let otherAdmin: string;
  const as = (token: string) => ({ token, auth: 'bearer' as const, query: { app_id: null } });
  const get = (path: string, token = s.tokens.app, query: Record<string, string | number> = {}) =>
    s.api.get(path, { ...as(token), query: { app_id: null, ...query } });
  const send = (method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, token = s.tokens.app) =>
    s.api.call(method, path, { ...as(token), body });

  beforeAll(async () => {
    const res = await s.api.postJson('/token', {
      client_id: OTHER_APP.clientId,
      client_secret: OTHER_APP.clientSecret,
    });
    otherAdmin = res.body.access_token;
  });

  async function newGroup(name: string, type: 'group' | 'chatroom' = 'group', others: string[] = []) {
    const { owner, member } = s.users;
    const created = await s.api.createGroup(
      s.tokens.app,
      { name, user_list: [member, ...others].map(Number), ...(type === 'chatroom' ? { type: 2 } : {}) },
      { user_id: owner },
    );
    return String(created.group_id);
  }

  it('refuses missing tokens (401), user tokens (403); another app’s admin sees nothing of this app (404, empty lists)', async () => {
    const groupId = await newGroup(`perm-${Date.now()}`);
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/v1/groups'],
      ['GET', `/admin/v1/groups/${groupId}`],
      ['GET', `/admin/v1/groups/${groupId}/members`],
      ['GET', `/admin/v1/groups/${groupId}/members/${s.users.member}`],
      ['GET', `/admin/v1/groups/${groupId}/mutes`],
      ['GET', `/admin/v1/groups/${groupId}/blocks`],
      ['GET', `/admin/v1/groups/${groupId}/allowlist`],
      ['GET', `/admin/v1/groups/${groupId}/announcements`],
      ['GET', `/admin/v1/groups/${groupId}/files`],
      ['GET', `/admin/v1/groups/${groupId}/attributes`],
      ['POST', `/admin/v1/groups/${groupId}/mutes`, { userIds: [s.users.member], durationMinutes: 10 }],
      ['DELETE', `/admin/v1/groups/${groupId}/mutes/${s.users.member}`],
      ['DELETE', `/admin/v1/groups/${groupId}/members/${s.users.member}`],
      ['POST', `/admin/v1/groups/${groupId}/blocks`, { userIds: [s.users.member] }],
      ['DELETE', `/admin/v1/groups/${groupId}/blocks/${s.users.member}`],
      ['POST', `/admin/v1/groups/${groupId}/allowlist`, { userIds: [s.users.member] }],
      ['DELETE', `/admin/v1/groups/${groupId}/allowlist/${s.users.member}`],
      ['POST', `/admin/v1/groups/${groupId}/admins`, { userIds: [s.users.member] }],
      ['DELETE', `/admin/v1/groups/${groupId}/admins/${s.users.member}`],
      ['POST', `/admin/v1/groups/${groupId}/transfer`, { newOwnerId: s.users.member }],
      ['PUT', `/admin/v1/groups/${groupId}/mute-all`, { durationMinutes: 5 }],
      ['PUT', `/admin/v1/groups/${groupId}/capacity`, { capacity: 50 }],
      ['DELETE', `/admin/v1/groups/${groupId}`],
      ['GET', '/admin/v1/audit'],
      ['GET', '/admin/v1/stats'],
    ];
    for (const [method, path, body] of routes) {
      expectError(await s.api.call(method, path, { query: { app_id: null }, body }), 401, 'unauthorized');
      expectError(await s.api.call(method, path, { ...as(s.tokens.owner), body }), 403, 'forbidden');
      // Another app's admin: this app's group does not exist for it (the app-wide reads are its own).
      const other = await s.api.call(method, path, { ...as(otherAdmin), body });
      if (path.includes(groupId)) expectError(other, 404, 'group_not_found');
      else expect(other.status).toBe(200);
    }
    expect((await get('/admin/v1/groups', otherAdmin, { id: groupId })).body.items).toEqual([]);
    expect((await get('/admin/v1/audit', otherAdmin, { groupId })).body.items).toEqual([]);
    // The group is untouched by all of that.
    expect((await get(`/admin/v1/groups/${groupId}`)).body).toMatchObject({
      groupId,
      memberCount: 2,
      ownerId: s.users.owner,
    });
  });

  it('searches groups and chatrooms by id, name, owner and kind, newest first, cursor-paged', async () => {
    const tag = `srch${Date.now()}`;
    const ids = [await newGroup(`${tag}-a`), await newGroup(`${tag}-b`), await newGroup(`${tag}-room`, 'chatroom')];
    const byName = await get('/admin/v1/groups', s.tokens.app, { name: tag.toUpperCase() });
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((g: { groupId: string }) => g.groupId)).toEqual([...ids].reverse());
    const page1 = await get('/admin/v1/groups', s.tokens.app, { name: tag, limit: 2 });
    const page2 = await get('/admin/v1/groups', s.tokens.app, { name: tag, limit: 2, cursor: page1.body.cursor });
    expect([...page1.body.items, ...page2.body.items].map((g: { groupId: string }) => g.groupId)).toEqual(
      [...ids].reverse(),
    );
    expect(page2.body.cursor).toBeNull();
    expect(
      (await get('/admin/v1/groups', s.tokens.app, { name: tag, kind: 'chatroom' })).body.items.map(
        (g: { name: string }) => g.name,
      ),
    ).toEqual([`${tag}-room`]);
    expect((await get('/admin/v1/groups', s.tokens.app, { id: ids[0] })).body.items).toHaveLength(1);
    const owned = await get('/admin/v1/groups', s.tokens.app, { owner: s.users.owner, limit: 100 });
    expect(owned.body.items.every((g: { ownerId: string }) => g.ownerId === s.users.owner)).toBe(true);
    expectError(await get('/admin/v1/groups', s.tokens.app, { kind: 'team' }), 400, 'invalid_parameter', 'kind');
    expectError(await get('/admin/v1/groups', s.tokens.app, { limit: 0 }), 400, 'invalid_parameter', 'limit');
    expectError(await get('/admin/v1/groups', s.tokens.app, { id: 'x y' }), 400, 'invalid_parameter', 'id');
    expectError(await get('/admin/v1/groups', s.tokens.app, { cursor: 'nope' }), 400, 'invalid_parameter', 'cursor');
  });

  it('reads a group’s state and lists; moderates through the domain commands; the audit log records each action with its actor', async () => {
    const { member, owner } = s.users;
    const groupId = await newGroup(`mod-${Date.now()}`, 'group', [s.users.outsider]);
    const path = `/admin/v1/groups/${groupId}`;
    expect((await send('DELETE', `${path}/members/${s.users.outsider}`)).body.results).toEqual([
      { userId: s.users.outsider, ok: true },
    ]);

    const muted = await send('POST', `${path}/mutes`, { userIds: [member], durationMinutes: 10 });
    expect(muted.status).toBe(200);
    expect(muted.body.results).toEqual([{ userId: member, ok: true, until: expect.any(Number) }]);
    const members = await get(`${path}/members`);
    expect(members.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: member,
          role: 'member',
          mutedUntil: muted.body.results[0].until,
          blocked: false,
        }),
      ]),
    );
    // One member, exactly as the list shows it; a user who is no member (the kicked outsider) is not found.
    const one = await get(`${path}/members/${member}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(members.body.items.find((m: { userId: string }) => m.userId === member));
    expectError(await get(`${path}/members/${s.users.outsider}`), 404, 'not_found');
    expectError(await get(`${path}/members/a%20b`), 400, 'invalid_parameter', 'userId');
    expectError(await get(`/admin/v1/groups/x%20y/members/${member}`), 400, 'invalid_parameter', 'groupId');
    expect((await get(`${path}/mutes`)).body.items).toEqual([
      expect.objectContaining({ userId: member, until: muted.body.results[0].until }),
    ]);
    // The owner is never muted: a result per user says why.
    expect(
      (await send('POST', `${path}/mutes`, { userIds: [owner], durationMinutes: -1 })).body.results[0],
    ).toMatchObject({ ok: false, error: { code: 'owner_protected' } });
    expect((await send('DELETE', `${path}/mutes/${member}`)).body.results).toEqual(
      [{ userId: member, ok: true, until: 0 }].map(({ until: _u, ...r }) => expect.objectContaining(r)),
    );

    expect((await send('POST', `${path}/allowlist`, { userIds: [member] })).body.results).toEqual([
      { userId: member, ok: true },
    ]);
    expect((await get(`${path}/allowlist`)).body.items).toEqual([expect.objectContaining({ userId: member })]);
    expect((await send('DELETE', `${path}/allowlist/${member}`)).status).toBe(200);
    expect((await send('POST', `${path}/admins`, { userIds: [member] })).body.results).toEqual([
      { userId: member, ok: true },
    ]);
    expect((await send('DELETE', `${path}/admins/${member}`)).body.results).toEqual([{ userId: member, ok: true }]);
    expect((await send('PUT', `${path}/mute-all`, { durationMinutes: 30 })).status).toBe(200);
    expect((await get(path)).body).toMatchObject({
      muteAll: true,
      capacity: expect.any(Number),
      memberCount: 2,
      announcement: null,
      settings: expect.any(Object),
    });
    expect((await send('PUT', `${path}/mute-all`, { durationMinutes: 0 })).body.muteAllUntil).toBeNull();
    expect((await send('PUT', `${path}/capacity`, { capacity: 50 })).body.capacity).toBe(50);
    expectError(await send('PUT', `${path}/capacity`, { capacity: 1 }), 400, 'invalid_parameter', 'capacity');
    expectError(await send('PUT', `${path}/capacity`, { capacity: 10_000_000 }), 400, 'invalid_parameter', 'capacity');
    expect((await send('POST', `${path}/transfer`, { newOwnerId: member })).body).toEqual({ done: true });
    expect((await get(path)).body.ownerId).toBe(member);
    expect((await send('POST', `${path}/blocks`, { userIds: [owner] })).body.results).toEqual([
      { userId: owner, ok: true },
    ]);
    expect((await get(`${path}/blocks`)).body.items).toEqual([expect.objectContaining({ userId: owner })]);
    expect((await send('DELETE', `${path}/blocks/${owner}`)).body.results).toEqual([{ userId: owner, ok: true }]);
    expect((await get(`${path}/announcements`)).body).toEqual({ items: [], cursor: null });
    expect((await get(`${path}/files`)).body).toEqual({ items: [], cursor: null });
    expectError(await get(`${path}/attributes`), 404, 'group_not_found');

    // Bad input, named.
    expectError(
      await send('POST', `${path}/mutes`, { userIds: [member] }),
      400,
      'invalid_parameter',
      'durationMinutes',
    );
    expectError(
      await send('POST', `${path}/mutes`, { userIds: [], durationMinutes: 5 }),
      400,
      'invalid_parameter',
      'userIds',
    );
    expectError(await send('POST', `${path}/transfer`, { newOwnerId: '' }), 400, 'invalid_parameter', 'newOwnerId');
    expectError(
      await send('PUT', `${path}/mute-all`, { durationMinutes: 'x' }),
      400,
      'invalid_parameter',
      'durationMinutes',
    );
    expectError(await get('/admin/v1/groups/not-an-id'), 400, 'invalid_parameter', 'groupId');
    expectError(await send('DELETE', `${path}/mutes/bad%20id`), 400, 'invalid_parameter', 'userId');

    // Every action is in the audit log, with the app admin as actor.
    await expectEventually(
      async () => {
        const audit = await get('/admin/v1/audit', s.tokens.app, { groupId, limit: 100 });
        const actions = audit.body.items.map((e: { action: string }) => e.action);
        expect(actions).toEqual(
          expect.arrayContaining([
            'member.muted',
            'member.unmuted',
            'member.allowlisted',
            'member.unallowlisted',
            'member.role_changed',
            'group.mute_all_changed',
            'group.updated',
            'group.owner_transferred',
            'member.blocked',
            'member.unblocked',
            'group.created',
            'member.left',
          ]),
        );
      },
      { timeoutMs: 20_000 },
    );
    const mutes = await get('/admin/v1/audit', s.tokens.app, { groupId, action: 'member.muted' });
    expect(mutes.body.items).toEqual([
      expect.objectContaining({
        actor: { kind: 'app_admin', userId: null },
        targets: [member],
        after: { mutedUntil: muted.body.results[0].until },
      }),
    ]);
    const created = await get('/admin/v1/audit', s.tokens.app, { groupId, action: 'group.created' });
    expect(created.body.items[0].actor).toEqual({ kind: 'app_admin', userId: owner });
    expect(
      (await get('/admin/v1/audit', s.tokens.app, { target: member, groupId, action: 'member.role_changed' })).body
        .items.length,
    ).toBeGreaterThanOrEqual(2);
    expectError(
      await get('/admin/v1/audit', s.tokens.app, { action: 'member.sneezed' }),
      400,
      'invalid_parameter',
      'action',
    );
    expectError(await get('/admin/v1/audit', s.tokens.app, { from: 'yesterday' }), 400, 'invalid_parameter', 'from');

    // The blocked owner was removed: kicking them again says why, in the API's words; then destroy.
    expect((await send('DELETE', `${path}/members/${owner}`)).body.results).toEqual([
      { userId: owner, ok: false, error: expect.objectContaining({ code: 'not_member' }) },
    ]);
    expect((await send('DELETE', path)).body).toEqual({ done: true });
    expectError(await get(path), 404, 'group_not_found');
    expectError(await get(`${path}/members`), 404, 'group_not_found');
    expectError(await get(`${path}/members/${member}`), 404, 'group_not_found');
    expectError(await send('DELETE', path), 404, 'group_not_found');
    expectError(await send('POST', `${path}/mutes`, { userIds: [member], durationMinutes: 1 }), 404, 'group_not_found');
  });

  it('answers the dashboard’s stats with every service’s health', async () => {
    const stats = await get('/admin/v1/stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      groups: expect.any(Number),
      chatrooms: expect.any(Number),
      members: expect.any(Number),
      eventsPerMinute: expect.any(Number),
      webhookBacklog: 0,
    });
    expect(stats.body.groups).toBeGreaterThan(0);
    expect(Object.values(stats.body.services).every((v) => v === 'ok')).toBe(true);
    expect(Object.keys(stats.body.services)).toEqual(
      expect.arrayContaining(['groups', 'membership', 'moderation', 'content', 'room-metadata', 'audit']),
    );
  });

  it('is in /openapi.json with its error envelope', async () => {
    const doc = (await (await fetch(`${s.stack.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/admin/v1/groups',
        '/admin/v1/groups/{groupId}',
        '/admin/v1/groups/{groupId}/members',
        '/admin/v1/groups/{groupId}/members/{userId}',
        '/admin/v1/audit',
        '/admin/v1/stats',
      ]),
    );
    expect(doc.components.schemas.PlainError).toBeDefined();
  });
});
