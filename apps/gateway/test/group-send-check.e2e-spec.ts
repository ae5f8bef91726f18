// The send decision through the real built stack: GET /group/send_check, rule by rule in the
// order they apply (group missing, blocked, not a member, muted, muted by mute-all, allowed), the
// rules about mutes that hold beside it (the allowlist does not override a mute, mute-all leaves
// the mute list alone, a mute ends exactly when it says without waiting for a sweep), and who may
// ask.
import { pollUntil } from '@cohort/testing';

import { createChatroom, EasemobClient, expectEasemobOk } from './easemob-e2e.helpers';
import {
  expectForbidden,
  expectInvalid,
  expectOk,
  expectUnauthorized,
  type HttpResult,
  newUserId,
} from './group-e2e.helpers';
import { done, expectPage, MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';

const UNKNOWN_GROUP = 4_000_000_005_555;

/** The decision's `data`. */
interface Decision {
  allowed: boolean;
  reason: string;
  until: number;
  priority: boolean;
  role: string | null;
}

const allowed = (priority = false): Decision => ({
  allowed: true,
  reason: 'ok',
  until: 0,
  priority,
  role: expect.any(String),
});
// The sender's role: none when refused before membership counts (no group, blocked, not a member).
const refused = (reason: string, until = 0): Decision => ({
  allowed: false,
  reason,
  until,
  priority: false,
  role: ['muted', 'muted_all'].includes(reason) ? expect.any(String) : null,
});

describe('GET /group/send_check', () => {
  const e2e = useGroupStack('group-send-check', { api: (baseUrl) => new MembershipApi(baseUrl) });
  const { owner, member, outsider } = e2e.users;
  let easemob: EasemobClient;

  beforeAll(() => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
  });

  const check = (groupId: number | string, userId: string, token = e2e.tokens.app): Promise<HttpResult> =>
    e2e.api.groupGet('send_check', token, { group_id: groupId, user_id: userId });
  /** The decision for `userId`, asserting the envelope and its exact keys. */
  const decide = async (groupId: number | string, userId: string): Promise<Decision> => {
    const res = await check(groupId, userId);
    expectOk(res);
    expect(Object.keys(res.body.data).sort()).toEqual(['allowed', 'priority', 'reason', 'role', 'until']);
    return res.body.data;
  };
  const as = (groupId: number | string) => ({
    ban: (userIds: string[], minutes: number) =>
      e2e.api.groupCall('POST', 'ban', e2e.tokens.app, groupId, { user_list: userIds, duration: minutes }),
    unban: (userIds: string[]) => e2e.api.groupCall('POST', 'unban', e2e.tokens.app, groupId, { user_list: userIds }),
    banAll: (minutes: number) =>
      e2e.api.groupCall('POST', 'settings/ban_all', e2e.tokens.app, groupId, { duration: minutes }),
    unbanAll: () => e2e.api.groupCall('POST', 'settings/unban_all', e2e.tokens.app, groupId),
    block: (userIds: string[]) => e2e.api.groupCall('POST', 'block', e2e.tokens.app, groupId, { user_list: userIds }),
    kick: (userIds: string[]) => e2e.api.groupCall('DELETE', 'kick', e2e.tokens.app, groupId, { user_list: userIds }),
  });
  const allowlist = (room: string, username: string) => easemob.post(`/chatrooms/${room}/white/users/${username}`);

  describe('the six rules, in domain order (each row: the first rule that applies)', () => {
    it('1. a group that does not exist, or no longer does: group_not_found', async () => {
      expect(await decide(UNKNOWN_GROUP, member)).toEqual(refused('group_not_found'));
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [member] });
      expect(await decide(g.group_id, member)).toEqual(allowed());
      expectOk(await e2e.api.delete('/group/destroy', { token: e2e.tokens.owner, query: { group_id: g.group_id } }));
      expect(await decide(g.group_id, member)).toEqual(refused('group_not_found'));
    });

    it('2. blocked: blocked, before anything else (even for a user who was allowlisted and muted)', async () => {
      const m1 = newUserId();
      const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member, m1]);
      expectEasemobOk(await allowlist(room, m1));
      expectOk(await as(room).ban([m1], 10));
      expectOk(await as(room).block([m1]), [done(m1)]);
      expect(await decide(room, m1)).toEqual(refused('blocked'));
    });

    it('3. not a member (never joined, or gone): not_member', async () => {
      const m1 = newUserId();
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [member, m1] });
      expect(await decide(g.group_id, outsider)).toEqual(refused('not_member'));
      expectOk(await as(g.group_id).kick([m1]), [done(m1)]);
      expect(await decide(g.group_id, m1)).toEqual(refused('not_member'));
    });

    it('4. an individual mute in force: muted with its end — admins too, and the allowlist does not override it', async () => {
      const [m1, a1] = [newUserId(), newUserId()];
      const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member, m1, a1]);
      await e2e.api.addAdmins(e2e.tokens.app, room, [a1]);
      expectEasemobOk(await allowlist(room, m1));
      const res = await as(room).ban([m1, a1], 10);
      expectOk(res);
      const until = (await e2e.api.groupGet('banned_list', e2e.tokens.app, { group_id: room })).body.data[0]
        .expired_time;
      expect(await decide(room, m1)).toEqual(refused('muted', until));
      expect(await decide(room, a1)).toEqual(refused('muted', until));
      expectOk(await as(room).ban([m1], -1));
      expect(await decide(room, m1)).toEqual(refused('muted', -1));
    });

    it('5. mute-all in force: muted_all with its end for members; the owner, admins and the allowlisted send (allowlisted with priority)', async () => {
      const [m1, a1, vip] = [newUserId(), newUserId(), newUserId()];
      const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member, m1, a1, vip]);
      await e2e.api.addAdmins(e2e.tokens.app, room, [a1]);
      expectEasemobOk(await allowlist(room, vip));
      const res = await as(room).banAll(30);
      expectOk(res);
      // ban_expire_time is in seconds: the decision's end (ms) lies within that second.
      const until = res.body.data.ban_expire_time * 1000;
      expect(await decide(room, m1)).toEqual({ ...refused('muted_all'), until: expect.any(Number) });
      const { until: end } = await decide(room, m1);
      expect(end - until).toBeGreaterThanOrEqual(0);
      expect(end - until).toBeLessThan(1000);
      expect(await decide(room, owner)).toEqual(allowed());
      expect(await decide(room, a1)).toEqual(allowed());
      expect(await decide(room, vip)).toEqual(allowed(true));
      expectOk(await as(room).banAll(-1));
      expect(await decide(room, m1)).toEqual(refused('muted_all', -1));
      expectOk(await as(room).unbanAll());
      expect(await decide(room, m1)).toEqual(allowed());
    });

    it('6. otherwise allowed (priority only for the allowlisted); leaving takes a user off the allowlist', async () => {
      const vip = newUserId();
      const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member, vip]);
      expect(await decide(room, member)).toEqual(allowed());
      expectEasemobOk(await allowlist(room, vip));
      expect(await decide(room, vip)).toEqual(allowed(true));
      expectOk(await as(room).kick([vip]), [done(vip)]);
      expect((await easemob.post(`/chatrooms/${room}/users/${vip}`)).status).toBe(200);
      expect(await decide(room, vip)).toEqual(allowed(false));
    });
  });

  it('asks about any sender, whichever dialect named them: an Easemob username in a chatroom', async () => {
    const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member]);
    const username = `easemob_${newUserId()}`;
    expect(await decide(room, username)).toEqual(refused('not_member'));
    expect((await easemob.post(`/chatrooms/${room}/users/${username}`)).status).toBe(200);
    expect(await decide(room, username)).toEqual(allowed());
  });

  describe('mutes beside the decision', () => {
    it('mute-all on and off leaves the mute list alone; a mute survives leaving and re-joining', async () => {
      const m1 = newUserId();
      const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member, m1]);
      expectOk(await as(room).ban([m1], -1));
      expectOk(await as(room).banAll(-1));
      expectOk(await as(room).unbanAll());
      const list = await e2e.api.groupGet('banned_list', e2e.tokens.app, { group_id: room });
      expectPage(list);
      expect(list.body.data.map((p: { user_id: number }) => String(p.user_id))).toEqual([m1]);
      expectOk(await as(room).kick([m1]), [done(m1)]);
      expect((await easemob.post(`/chatrooms/${room}/users/${m1}`)).status).toBe(200);
      expect(await decide(room, m1)).toEqual(refused('muted', -1));
    });

    it('a short mute ends exactly when it says: allowed from `until` on, without waiting for a sweep', async () => {
      const m1 = newUserId();
      const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member, m1]);
      const res = await easemob.post(`/chatrooms/${room}/mute`, { body: { usernames: [m1], mute_duration: 1500 } });
      const [{ expire }] = expectEasemobOk(res) as { expire: number }[];
      expect(await decide(room, m1)).toEqual(refused('muted', expire));
      const decision = await pollUntil(
        async () => {
          const d = await decide(room, m1);
          return d.allowed && d;
        },
        { timeoutMs: 5_000, intervalMs: 50 },
      );
      expect(Date.now()).toBeGreaterThanOrEqual(expire);
      expect(decision).toEqual(allowed());
    });

    it('a mute and an unmute change the very next decision', async () => {
      const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member]);
      for (let round = 0; round < 5; round++) {
        expectOk(await as(room).ban([member], 10));
        expect((await decide(room, member)).reason).toBe('muted');
        expectOk(await as(room).unban([member]));
        expect(await decide(room, member)).toEqual(allowed());
      }
    });
  });

  describe('who may ask, and bad input', () => {
    it('an app-admin token only: a user token → code 403 (whoever it asks about: `user_id` here is not the act-as user); no token → 401', async () => {
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [member] });
      expectForbidden(await check(g.group_id, member, e2e.tokens.member));
      expectForbidden(await check(g.group_id, owner, e2e.tokens.member));
      expectUnauthorized(await e2e.api.get('/group/send_check', { query: { group_id: g.group_id, user_id: member } }));
    });

    it('group_id and user_id are required and must be int64 ids → code 400 naming the field', async () => {
      expectInvalid(await e2e.api.groupGet('send_check', e2e.tokens.app, { user_id: member }), 'group_id');
      expectInvalid(await e2e.api.groupGet('send_check', e2e.tokens.app, { group_id: UNKNOWN_GROUP }), 'user_id');
      expectInvalid(await check('abc', member), 'group_id');
      expectInvalid(await check(UNKNOWN_GROUP, 'x y'), 'user_id');
    });
  });
});
