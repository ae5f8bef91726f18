// What the /group vendor's clients send as they send it: zero values omitted by Go clients
// (`omitempty`), parameters in the headers where the vendor's document puts them, capacities
// from the app's configuration, no undocumented caps, whole lists, int64 ids exactly.
import { pollUntil } from '@cohort/testing';

import { ContentApi } from './content-e2e.helpers';
import { expectGroupError, expectInvalid, expectOk, newUserId } from './group-e2e.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';

describe('/group fidelity', () => {
  // The app's console settings: new groups hold 1,100 members, and may be given up to 100,000.
  const app = {
    appId: 'demo',
    orgName: 'demo',
    appName: 'demo',
    clientId: 'demo',
    clientSecret: 'demo-secret',
    defaultCapacity: 1100,
    maxCapacity: 100_000,
  };
  const e2e = useGroupStack('group-fidelity', {
    db: false,
    // Creating a group with thousands of members is one long request on the dev database.
    env: { ...HIGH_RATE_LIMIT, BUS_TIMEOUT_MS: '60000' },
    appEnv: { gateway: { APPS_JSON: JSON.stringify([app]) } },
    api: (baseUrl) => new ContentApi(baseUrl),
  });
  /** `n` fresh user ids. */
  const newUsers = (n: number) => Array.from({ length: n }, () => newUserId());

  describe('omitted optional fields (Go clients, omitempty)', () => {
    it('a zero value left out is the zero value: mute and push modes, settings flags, apply_approval, display name, approval', async () => {
      const { api, tokens, users } = e2e;
      const group = await api.createGroup(tokens.owner, { user_list: [users.member] });
      expectOk(await api.groupCall('POST', 'msg/mute_mode', tokens.member, group.group_id, { msg_mute_mode: 2 }));
      expectOk(await api.groupCall('POST', 'msg/mute_mode', tokens.member, group.group_id));
      expectOk(await api.groupCall('POST', 'msg/push_mode', tokens.member, group.group_id, { msg_push_mode: 3 }));
      expectOk(await api.groupCall('POST', 'msg/push_mode', tokens.member, group.group_id));
      expect(await api.info(tokens.member, group.group_id)).toMatchObject({ msg_mute_mode: 0, msg_push_mode: 0 });

      expectOk(await api.groupCall('POST', 'settings/enable_read_ack', tokens.owner, group.group_id, { value: true }));
      expectOk(await api.groupCall('POST', 'settings/enable_read_ack', tokens.owner, group.group_id));
      expectOk(await api.groupCall('POST', 'settings/require_admin_approval', tokens.owner, group.group_id));
      expect(await api.info(tokens.owner, group.group_id)).toMatchObject({ read_ack: false, apply_approval: 0 });

      expectOk(await api.groupCall('POST', 'display_name', tokens.member, group.group_id, { value: 'Mem' }));
      expectOk(await api.groupCall('POST', 'display_name', tokens.member, group.group_id));
      const profiles = await api.groupCall('POST', 'members/display_name', tokens.owner, group.group_id, {
        user_list: [users.member],
      });
      expect(profiles.body.data[0].display_name).toBe('');

      // An application answered without `approval` (a Go client's false) is rejected.
      await api.setApplyApproval(tokens.owner, group.group_id, 1);
      const applicant = newUserId();
      const applicantToken = await api.token(applicant);
      expectOk(await api.groupCall('POST', 'apply', applicantToken, group.group_id, { reason: 'hi' }));
      expectOk(await api.groupCall('POST', 'apply/handle', tokens.owner, group.group_id, { user_id: applicant }));
      expect(await api.memberIds(tokens.owner, group.group_id)).not.toContain(applicant);
    });
  });

  describe("the vendor's headers: group_id (app-admin tokens) and user_id", () => {
    it('an app-admin token with a group_id header acts as an admin of that group: invitation_list, display_name, settings', async () => {
      const { api, tokens, users } = e2e;
      const group = await api.createGroup(tokens.owner, { user_list: [users.member] });
      const invitee = newUserId();
      expectOk(await api.groupCall('POST', 'invite', tokens.owner, group.group_id, { user_list: [invitee] }));
      const headers = { group_id: String(group.group_id) };
      const invitations = await api.get('/group/invitation_list', { token: tokens.app, headers });
      expect(invitations.body).toMatchObject({ code: 200, total: 1 });
      expect(invitations.body.data[0]).toMatchObject({ group_id: group.group_id, invitee_id: Number(invitee) });
      // A body without group_id: the header names the group (as the vendor's clients send it).
      expectOk(
        await api.post('/group/settings/enable_read_ack', { token: tokens.app, headers, body: { value: true } }),
      );
      expect(await api.info(tokens.owner, group.group_id)).toMatchObject({ read_ack: true });
      // Calls acting for one user, by an app admin naming none, act as the group's owner.
      expectOk(await api.post('/group/display_name', { token: tokens.app, headers, body: { value: 'Boss' } }));
      const owner = await api.groupCall('POST', 'members/display_name', tokens.owner, group.group_id, {
        user_list: [users.owner],
      });
      expect(owner.body.data[0].display_name).toBe('Boss');
      expectOk(await api.post('/group/msg/push_mode', { token: tokens.app, headers, body: { msg_push_mode: 2 } }));
      expect(await api.info(tokens.owner, group.group_id)).toMatchObject({ msg_push_mode: 2 });
      expectGroupError(
        await api.post('/group/leave', { token: tokens.app, query: { group_id: group.group_id } }),
        403,
        'owner_protected',
      );
      expectGroupError(await api.post('/group/apply', { token: tokens.app, headers, body: {} }), 409, 'already_member');
      // A user token's group_id header is not the vendor's admin header: ignored.
      expectInvalid(
        await api.post('/group/settings/enable_read_ack', { token: tokens.owner, headers, body: { value: true } }),
        'group_id',
      );
    });

    it('create by an app-admin token naming no user: the first listed user owns the group', async () => {
      const { api, tokens, users } = e2e;
      const res = await api.post('/group/create', {
        token: tokens.app,
        body: { name: 'by app', user_list: [users.member, users.outsider] },
      });
      expectOk(res);
      expect(res.body.data).toMatchObject({ owner_id: Number(users.member), count: 2 });
    });

    it('user_joined and received invitations by an app-admin token must name the user: 400 naming user_id (a group_id header does not name one)', async () => {
      const { api, tokens } = e2e;
      const joiner = newUserId();
      const group = await api.createGroup(tokens.owner, { user_list: [joiner] });
      const invitee = newUserId();
      expectOk(await api.groupCall('POST', 'invite', tokens.owner, group.group_id, { user_list: [invitee] }));
      const headers = { group_id: String(group.group_id) };
      for (const path of ['/group/user_joined', '/group/invitation_list']) {
        const res = await api.get(path, { token: tokens.app });
        expectGroupError(
          res,
          400,
          'invalid_parameter',
          /^invalid_parameter: user_id: is required with an app-admin token/,
        );
      }
      // The group_id header names no user for user_joined; for invitation_list it names the group.
      expectInvalid(await api.get('/group/user_joined', { token: tokens.app, headers }), 'user_id');
      expect((await api.get('/group/invitation_list', { token: tokens.app, headers })).body).toMatchObject({
        code: 200,
        total: 1,
      });
      // Named (header or query), the call acts as that user.
      const joined = await api.get('/group/user_joined', { token: tokens.app, headers: { user_id: joiner } });
      expect(joined.body).toMatchObject({ code: 200 });
      expect(joined.body.data).toEqual([group.group_id]);
      const received = await api.get('/group/invitation_list', { token: tokens.app, query: { user_id: invitee } });
      expect(received.body).toMatchObject({ code: 200, total: 1 });
      expect(received.body.data[0]).toMatchObject({ group_id: group.group_id, invitee_id: Number(invitee) });
    });
  });

  describe('capacity from the app config', () => {
    it("a new group holds the app's default; created with more users, it grows to fit them (beyond 1,000)", async () => {
      const { api, tokens } = e2e;
      expect(await api.createGroup(tokens.owner)).toMatchObject({ capacity: 1100, count: 1 });
      const big = await api.createGroup(tokens.owner, { user_list: newUsers(1199) });
      expect(big).toMatchObject({ capacity: 1200, count: 1200 });
    });
  });

  describe('no undocumented caps: batches above the old 60 / 100', () => {
    it('ban, unban, invite 100 users; kick and member profiles of 150; info/batch of 150 ids', async () => {
      const { api, tokens } = e2e;
      const members = newUsers(150);
      const group = await api.createGroup(tokens.owner, { user_list: members });
      const hundred = members.slice(0, 100);
      const allDone = (ids: string[]) => ids.map((id) => ({ user_id: Number(id), result: 'success', reason: '' }));
      expectOk(
        await api.groupCall('POST', 'ban', tokens.owner, group.group_id, { user_list: hundred, duration: 10 }),
        allDone(hundred),
      );
      expectOk(
        await api.groupCall('POST', 'unban', tokens.owner, group.group_id, { user_list: hundred }),
        allDone(hundred),
      );
      const invitees = newUsers(100);
      expectOk(
        await api.groupCall('POST', 'invite', tokens.owner, group.group_id, { user_list: invitees }),
        allDone(invitees),
      );
      const profiles = await api.groupCall('POST', 'members/display_name', tokens.owner, group.group_id, {
        user_list: members,
      });
      expect(profiles.body.data).toHaveLength(150);
      const batch = await api.post('/group/info/batch', {
        token: tokens.owner,
        body: { group_list: [group.group_id, ...Array.from({ length: 149 }, (_, i) => group.group_id + 1 + i)] },
      });
      expect(batch.body.data).toHaveLength(1);
      expectOk(
        await api.groupCall('POST', 'kick', tokens.owner, group.group_id, { user_list: members }),
        allDone(members),
      );
      expect(await api.info(tokens.owner, group.group_id)).toMatchObject({ count: 1 });
    });
  });

  describe('no silent truncation', () => {
    /** Runs `task` for 0..n-1, 25 at a time. */
    const times = async (n: number, task: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < n; i += 25)
        await Promise.all(Array.from({ length: Math.min(25, n - i) }, (_, j) => task(i + j)));
    };

    it('announcement/list and file/list answer all 1,001 entries (the old cut was 1,000); with limit, a page', async () => {
      const { api, tokens } = e2e;
      const group = await api.createGroup(tokens.owner);
      await times(1001, (i) => api.published(tokens.owner, group.group_id, `a${i}`));
      await times(1001, (i) => api.uploaded(tokens.owner, group.group_id, `f${i}.pdf`));
      for (const list of [api.announcements(tokens.owner, group.group_id), api.files(tokens.owner, group.group_id)]) {
        const res = await list;
        expect(res.body).toMatchObject({ code: 200, cursor: '', total: 1001 });
        expect(res.body.data).toHaveLength(1001);
      }
      const page = await api.files(tokens.owner, group.group_id, { limit: 10 });
      expect(page.body.data).toHaveLength(10);
      expect(page.body.cursor).not.toBe('');
    });
  });

  describe('int64 ids exactly', () => {
    it('user ids beyond 2^53 sent as JSON numbers come back as JSON numbers with every digit', async () => {
      const { api, tokens } = e2e;
      // Java's Long.MAX_VALUE and 2^53 + 1: a float would round both.
      const [big, justAbove] = ['9223372036854775807', '9007199254740993'];
      const created = await fetch(new URL('/group/create?app_id=demo', e2e.stack.baseUrl), {
        method: 'POST',
        headers: { 'access-token': tokens.owner, 'content-type': 'application/json' },
        body: `{"name":"int64","user_list":[${big},${justAbove}]}`,
      });
      const groupId = /"group_id":(\d+)/.exec(await created.text())?.[1];
      expect(groupId).toBeDefined();
      const profiles = await fetch(new URL('/group/members/display_name?app_id=demo', e2e.stack.baseUrl), {
        method: 'POST',
        headers: { 'access-token': tokens.owner, 'content-type': 'application/json' },
        body: `{"group_id":${groupId},"user_list":[${big},${justAbove}]}`,
      });
      const text = await profiles.text();
      expect(text).toContain(`"user_id":${big}`);
      expect(text).toContain(`"user_id":${justAbove}`);
      // Through the documented client too: the answer is valid JSON the API reference describes.
      expect(
        (await api.groupCall('POST', 'members/display_name', tokens.owner, Number(groupId), { user_list: [big] })).body
          .data,
      ).toHaveLength(1);
    });
  });

  describe("the message server's view", () => {
    it('send_check carries the sender role; recipients lists members with what steers delivery, keyset-paged, app admin only', async () => {
      const { api, tokens, users } = e2e;
      const group = await api.createGroup(tokens.owner, { user_list: [users.member, users.outsider] });
      expectOk(await api.groupCall('POST', 'msg/push_mode', tokens.member, group.group_id, { msg_push_mode: 3 }));
      expectOk(await api.groupCall('POST', 'msg/mute_mode', tokens.member, group.group_id, { msg_mute_mode: 1 }));
      const decision = await api.get('/group/send_check', {
        token: tokens.app,
        query: { group_id: group.group_id, user_id: users.owner },
      });
      expect(decision.body.data).toEqual({ allowed: true, reason: 'ok', until: 0, priority: false, role: 'owner' });

      const first = await api.get('/group/recipients', {
        token: tokens.app,
        query: { group_id: group.group_id, limit: 2 },
      });
      expect(first.body).toMatchObject({ code: 200, total: 3 });
      expect(first.body.data).toEqual([
        {
          user_id: Number(users.owner),
          role: 'owner',
          join_time: expect.any(Number),
          msg_mute_mode: 0,
          msg_push_mode: 0,
          notifications_muted_until: 0,
        },
        {
          user_id: Number(users.member),
          role: 'member',
          join_time: expect.any(Number),
          msg_mute_mode: 1,
          msg_push_mode: 3,
          notifications_muted_until: 0,
        },
      ]);
      const rest = await api.get('/group/recipients', {
        token: tokens.app,
        query: { group_id: group.group_id, limit: 2, cursor: first.body.cursor },
      });
      expect(rest.body.data.map((r: { user_id: number }) => r.user_id)).toEqual([Number(users.outsider)]);
      expect(rest.body.cursor).toBe('');
      expectGroupError(
        await api.get('/group/recipients', { token: tokens.owner, query: { group_id: group.group_id } }),
        403,
        'forbidden',
      );
    });

    it('a member setting that steers delivery publishes member.settings_changed (copies of the recipients view follow it): seen in the audit log', async () => {
      const { api, tokens, users } = e2e;
      const group = await api.createGroup(tokens.owner, { user_list: [users.member] });
      expectOk(await api.groupCall('POST', 'msg/push_mode', tokens.member, group.group_id, { msg_push_mode: 2 }));
      expectOk(await api.groupCall('POST', 'msg/mute_mode', tokens.member, group.group_id, { msg_mute_mode: 1 }));
      const audit = () =>
        api.call('GET', '/admin/v1/audit', {
          token: tokens.app,
          auth: 'bearer',
          query: { app_id: null, groupId: group.group_id, action: 'member.settings_changed' },
        });
      const lines = await pollUntil(async () => {
        const items = (await audit()).body.items as { targets: string[]; after: object; actor: object }[];
        return items.length === 2 && items;
      });
      // Newest first, each with the values it set, by the member for themself.
      expect(lines).toEqual([
        expect.objectContaining({
          targets: [users.member],
          after: { msgMuteMode: 1 },
          actor: { kind: 'user', userId: users.member },
        }),
        expect.objectContaining({
          targets: [users.member],
          after: { msgPushMode: 2 },
          actor: { kind: 'user', userId: users.member },
        }),
      ]);
    });
  });
});
