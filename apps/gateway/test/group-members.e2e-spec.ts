// The member routes of /group through the real built stack: member_list (4.35), members/display_name
// (4.36), display_name (4.18), msg/mute_mode (4.37), msg/push_mode (4.38), leave (4.34), kick (4.33)
// and user_joined (4.53).
import {
  expectForbidden,
  expectGroupError,
  expectGroupNotFound,
  expectInvalid,
  expectNotMember,
  expectOk,
  expectUnchanged,
  type GroupInfo,
  newUserId,
} from './group-e2e.helpers';
import { done, expectPage, failed, MEMBER_PROFILE_KEYS, MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';

const UNKNOWN_GROUP = 4_000_000_000_888;
const idsOf = (profiles: { user_id: number }[]) => profiles.map((p) => String(p.user_id));
const sorted = (ids: (string | number)[]) => ids.map(String).sort();

describe('/group member routes', () => {
  const e2e = useGroupStack('group-members', { api: (baseUrl) => new MembershipApi(baseUrl) });
  const { owner, member, outsider } = e2e.users;
  const admin = newUserId();
  let adminToken: string;
  /** owner, admin and member. */
  let group: GroupInfo;

  beforeAll(async () => {
    adminToken = await e2e.api.token(admin);
    group = await e2e.api.createGroup(e2e.tokens.owner, { name: 'members', user_list: [member, admin] });
    await e2e.api.addAdmins(e2e.tokens.owner, group.group_id, [admin]);
  });

  const roles = (groupId: number) => e2e.db.roles(groupId);

  describe('GET /group/member_list (4.35)', () => {
    const memberList = (token: string, query: Record<string, string | number | undefined>, actAs?: string) =>
      e2e.api.groupGet('member_list', token, { group_id: group.group_id, ...query }, actAs);

    it('answers every member as a profile in one page: cursor "", total, version 0', async () => {
      const res = await memberList(e2e.tokens.member, {});
      expectPage(res);
      expect(res.body).toMatchObject({ cursor: '', total: 3 });
      for (const profile of res.body.data) expect(Object.keys(profile).sort()).toEqual(MEMBER_PROFILE_KEYS);
      expect(sorted(idsOf(res.body.data))).toEqual(sorted([owner, admin, member]));
      for (const userId of [owner, admin, member]) {
        expect(res.body.data).toContainEqual({
          display_name: '',
          expired_time: 0,
          join_time: expect.any(Number),
          user_id: Number(userId),
        });
      }
      for (const profile of res.body.data) {
        expect(profile.join_time).toBeGreaterThanOrEqual(group.created_at - 5_000);
        expect(profile.join_time).toBeLessThanOrEqual(Date.now() + 5_000);
      }
    });

    it('pages with limit: the cursor walks to the end, total counts the whole list', async () => {
      const first = await memberList(e2e.tokens.owner, { limit: 2 });
      expectPage(first);
      expect(first.body.data).toHaveLength(2);
      expect(first.body.cursor).not.toBe('');
      expect(first.body.total).toBe(3);
      const second = await memberList(e2e.tokens.owner, { limit: 2, cursor: first.body.cursor, version: 5 });
      expectPage(second);
      expect(second.body).toMatchObject({ cursor: '', total: 3, version: 0 });
      expect(second.body.data).toHaveLength(1);
      expect(sorted([...idsOf(first.body.data), ...idsOf(second.body.data)])).toEqual(sorted([owner, admin, member]));
    });

    it('caps a limit above 1000; 0 or a non-number → 400 naming limit; a bad group_id → 400', async () => {
      expectPage(await memberList(e2e.tokens.owner, { limit: 5000 }));
      expectInvalid(await memberList(e2e.tokens.owner, { limit: 0 }), 'limit');
      expectInvalid(await memberList(e2e.tokens.owner, { limit: 'ten' }), 'limit');
      expectInvalid(await memberList(e2e.tokens.owner, { group_id: 'x1' }), 'group_id');
    });

    it('an outsider of a private group → 403 not_member, also the app admin acting as one; the app admin itself reads', async () => {
      expectNotMember(await memberList(e2e.tokens.outsider, {}));
      expectNotMember(await memberList(e2e.tokens.app, {}, outsider));
      const res = await memberList(e2e.tokens.app, {});
      expectPage(res);
      expect(res.body.total).toBe(3);
      expectGroupNotFound(await memberList(e2e.tokens.owner, { group_id: UNKNOWN_GROUP }));
    });

    it("anyone in the app reads a chatroom's members", async () => {
      // Only the app admin creates chatrooms (here for the owner).
      const room = await e2e.api.createGroup(
        e2e.tokens.app,
        { name: 'room', type: 2, user_list: [member] },
        { user_id: owner },
      );
      expect(sorted(await e2e.api.memberIds(e2e.tokens.outsider, room.group_id))).toEqual(sorted([owner, member]));
    });

    it('pages stay exact while members join and leave: no duplicates, none skipped that stayed', async () => {
      const initial = Array.from({ length: 20 }, () => newUserId());
      const joiners = Array.from({ length: 6 }, () => newUserId());
      const tokens = await e2e.api.tokensOf([...initial, ...joiners]);
      const tokenOf = (id: string) => tokens[[...initial, ...joiners].indexOf(id)];
      const g = await e2e.api.createGroup(e2e.tokens.owner, { name: 'churn', user_list: initial });
      await e2e.api.setApplyApproval(e2e.tokens.owner, g.group_id, 0);

      const present = new Set([owner, ...initial]);
      const gone = new Set<string>();
      const goneUnseen = new Set<string>();
      const seen: string[] = [];
      const unseen = () => [...present].filter((id) => id !== owner && !seen.includes(id));
      const kick = async (ids: string[]) => {
        expectOk(
          await e2e.api.groupCall('DELETE', 'kick', e2e.tokens.owner, g.group_id, { user_list: ids }),
          ids.map((id) => done(id)),
        );
      };
      const leave = async (id: string) => {
        expectOk(
          await e2e.api.call('POST', '/group/leave', { token: tokenOf(id), query: { group_id: g.group_id } }),
          true,
        );
      };
      const join = async (index: number) => {
        expectOk(await e2e.api.groupCall('POST', 'apply', tokenOf(joiners[index]), g.group_id), done(joiners[index]));
        present.add(joiners[index]);
      };
      /** Between two pages: two seen and two unseen members go (one by leaving), two users join. */
      const churn = async (round: number) => {
        const [leaver, kickedUnseen] = unseen();
        const kickedSeen = seen.filter((id) => present.has(id) && id !== owner).slice(0, 2);
        if (leaver) await leave(leaver);
        await kick([kickedUnseen, ...kickedSeen].filter(Boolean));
        for (const id of [leaver, kickedUnseen].filter(Boolean)) goneUnseen.add(id);
        for (const id of [leaver, kickedUnseen, ...kickedSeen].filter(Boolean)) {
          present.delete(id);
          gone.add(id);
        }
        await join(2 * round);
        await join(2 * round + 1);
      };

      let cursor = '';
      let round = 0;
      do {
        const res = await e2e.api.groupGet('member_list', e2e.tokens.owner, { group_id: g.group_id, limit: 4, cursor });
        expectPage(res);
        seen.push(...idsOf(res.body.data));
        cursor = res.body.cursor;
        if (cursor !== '' && round < 3) await churn(round++);
      } while (cursor !== '');

      expect(round).toBe(3);
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of present) expect(seen).toContain(id);
      for (const id of goneUnseen) expect(seen).not.toContain(id);
      expect(sorted(await e2e.api.memberIds(e2e.tokens.owner, g.group_id, 7))).toEqual(sorted([...present]));
      expect(Object.keys(await roles(g.group_id)).sort()).toEqual(sorted([...present]));
      expect((await e2e.api.info(e2e.tokens.owner, g.group_id)).count).toBe(present.size);
      expect(gone.size).toBe(3 * 4);
    });
  });

  describe('POST /group/members/display_name (4.36)', () => {
    const profiles = (token: string, userList: unknown[], actAs?: string) =>
      e2e.api.groupCall('POST', 'members/display_name', token, group.group_id, { user_list: userList }, actAs);

    it("answers the named members' profiles in request order, leaving out non-members", async () => {
      const res = await profiles(e2e.tokens.member, [member, outsider, Number(owner)]);
      expectOk(res);
      expect(idsOf(res.body.data)).toEqual([member, owner]);
      expect(res.body.data[0]).toEqual({
        display_name: expect.any(String),
        expired_time: 0,
        join_time: expect.any(Number),
        user_id: Number(member),
      });
    });

    it('an outsider → 403 not_member; unknown group → 404', async () => {
      expectNotMember(await profiles(e2e.tokens.outsider, [owner]));
      expectNotMember(await profiles(e2e.tokens.app, [owner], outsider));
      expectGroupNotFound(
        await e2e.api.groupCall('POST', 'members/display_name', e2e.tokens.owner, UNKNOWN_GROUP, {
          user_list: [owner],
        }),
      );
    });

    it('more than 1,000 users, none, or a non-numeric id → 400 naming user_list', async () => {
      expectInvalid(
        await profiles(
          e2e.tokens.owner,
          Array.from({ length: 1001 }, () => newUserId()),
        ),
        'user_list',
      );
      expectInvalid(await profiles(e2e.tokens.owner, []), 'user_list');
      expectInvalid(await profiles(e2e.tokens.owner, ['bob']), 'user_list');
      expectOk(
        await profiles(
          e2e.tokens.owner,
          Array.from({ length: 100 }, () => newUserId()),
        ),
        [],
      );
    });
  });

  describe('PUT·POST /group/display_name (4.18)', () => {
    const setName = (method: string, token: string, value: unknown, actAs?: string, groupId: number = group.group_id) =>
      e2e.api.groupCall(method, 'display_name', token, groupId, { value }, actAs);
    const displayNames = async () => {
      const res = await e2e.api.groupCall('POST', 'members/display_name', e2e.tokens.owner, group.group_id, {
        user_list: [owner, admin, member],
      });
      return Object.fromEntries(
        res.body.data.map((p: { user_id: number; display_name: string }) => [String(p.user_id), p.display_name]),
      );
    };

    it.each(['PUT', 'POST'])(
      "%s sets the caller's own name, shown in the profiles, the member list and stored",
      async (method) => {
        const name = `Bob ${method}`;
        expectOk(await setName(method, e2e.tokens.member, name), true);
        expect((await displayNames())[member]).toBe(name);
        const list = await e2e.api.groupGet('member_list', e2e.tokens.owner, { group_id: group.group_id });
        expect(list.body.data.find((p: { user_id: number }) => p.user_id === Number(member)).display_name).toBe(name);
        expect(await e2e.db.member(group.group_id, member)).toMatchObject({ displayName: name });
      },
    );

    it("the app admin acting as a member sets that member's name; 64 characters pass", async () => {
      const name = 'a'.repeat(64);
      expectOk(await setName('PUT', e2e.tokens.app, name, admin), true);
      expect(await displayNames()).toMatchObject({ [admin]: name });
      expectOk(await setName('POST', adminToken, ''), true);
      expect((await displayNames())[admin]).toBe('');
    });

    it('65 characters or a number → 400 naming value, nothing changed; no value at all means "" (the vendor\'s zero)', async () => {
      await expectUnchanged(displayNames, async () => {
        expectInvalid(await setName('PUT', e2e.tokens.member, 'a'.repeat(65)), 'value');
        expectInvalid(await setName('POST', e2e.tokens.member, 7), 'value');
      });
      expectOk(await setName('POST', e2e.tokens.member, undefined), true);
      expect((await displayNames())[member]).toBe('');
    });

    it('an outsider → 403 not_member; the app admin without user_id acts as the owner; unknown group → 404', async () => {
      expectNotMember(await setName('PUT', e2e.tokens.outsider, 'x'));
      expectOk(await setName('PUT', e2e.tokens.app, 'by the app'), true);
      expect((await displayNames())[owner]).toBe('by the app');
      expectGroupNotFound(await setName('PUT', e2e.tokens.owner, 'x', undefined, UNKNOWN_GROUP));
    });
  });

  describe('PUT·POST /group/msg/mute_mode and /group/msg/push_mode (4.37, 4.38)', () => {
    const setMode = (
      method: string,
      endpoint: 'mute_mode' | 'push_mode',
      token: string,
      value: unknown,
      actAs?: string,
    ) => e2e.api.groupCall(method, `msg/${endpoint}`, token, group.group_id, { [`msg_${endpoint}`]: value }, actAs);
    const modes = async (token: string) => {
      const info = await e2e.api.info(token, group.group_id);
      return { mute: info.msg_mute_mode, push: info.msg_push_mode };
    };

    it.each(['PUT', 'POST'])(
      "%s sets the caller's own modes, answered {} and shown in the caller's group info only",
      async (method) => {
        expectOk(await setMode(method, 'mute_mode', e2e.tokens.member, 2), {});
        expectOk(await setMode(method, 'push_mode', e2e.tokens.member, 4), {});
        expect(await modes(e2e.tokens.member)).toEqual({ mute: 2, push: 4 });
        expect(await modes(e2e.tokens.owner)).toEqual({ mute: 0, push: 0 });
        expect(await e2e.db.member(group.group_id, member)).toMatchObject({ msgMuteMode: 2, msgPushMode: 4 });
        expectOk(await setMode(method, 'mute_mode', e2e.tokens.member, 0), {});
        expectOk(await setMode(method, 'push_mode', e2e.tokens.member, 1), {});
        expect(await modes(e2e.tokens.member)).toEqual({ mute: 0, push: 1 });
      },
    );

    it("the app admin acting as a member sets that member's modes", async () => {
      expectOk(await setMode('PUT', 'mute_mode', e2e.tokens.app, 1, admin), {});
      expectOk(await setMode('PUT', 'push_mode', e2e.tokens.app, 3, admin), {});
      expect(await modes(adminToken)).toEqual({ mute: 1, push: 3 });
    });

    it('a mode out of range or not a number → 400 naming it, nothing changed', async () => {
      await expectUnchanged(
        () => modes(e2e.tokens.member),
        async () => {
          expectInvalid(await setMode('PUT', 'mute_mode', e2e.tokens.member, 3), 'msg_mute_mode');
          expectInvalid(await setMode('POST', 'mute_mode', e2e.tokens.member, '1'), 'msg_mute_mode');
          expectInvalid(await setMode('PUT', 'push_mode', e2e.tokens.member, 5), 'msg_push_mode');
          expectInvalid(await setMode('POST', 'push_mode', e2e.tokens.member, -1), 'msg_push_mode');
        },
      );
    });

    it('an outsider → 403 not_member; the app admin without user_id acts as the owner', async () => {
      expectNotMember(await setMode('PUT', 'mute_mode', e2e.tokens.outsider, 1));
      expectNotMember(await setMode('PUT', 'push_mode', e2e.tokens.app, 1, outsider));
      expectOk(await setMode('PUT', 'mute_mode', e2e.tokens.app, 1));
    });
  });

  describe('DELETE·POST /group/leave (4.34)', () => {
    const leave = (method: string, token: string, groupId: number | string, actAs?: string) =>
      e2e.api.call(method, '/group/leave', {
        token,
        query: { group_id: groupId },
        headers: actAs ? { user_id: actAs } : {},
      });

    it('members leave with either method; a second leave → 403 not_member', async () => {
      const [m1, m2, m3] = [newUserId(), newUserId(), newUserId()];
      const [t1, t2] = await e2e.api.tokensOf([m1, m2]);
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [m1, m2, m3] });
      expectOk(await leave('DELETE', t1, g.group_id), true);
      expectOk(await leave('POST', t2, g.group_id), true);
      expectOk(await leave('DELETE', e2e.tokens.app, g.group_id, m3), true);
      expect(await e2e.api.memberIds(e2e.tokens.owner, g.group_id)).toEqual([owner]);
      expect(await roles(g.group_id)).toEqual({ [owner]: 'owner' });
      expect((await e2e.api.info(e2e.tokens.owner, g.group_id)).count).toBe(1);
      expectNotMember(await leave('POST', t1, g.group_id));
    });

    it('the owner cannot leave → 403 owner_protected, nothing changed', async () => {
      await expectUnchanged(
        () => roles(group.group_id),
        async () => {
          expectGroupError(await leave('DELETE', e2e.tokens.owner, group.group_id), 403, 'owner_protected');
          expectGroupError(await leave('POST', e2e.tokens.app, group.group_id, owner), 403, 'owner_protected');
        },
      );
    });

    it('an outsider → 403 not_member; the app admin without user_id acts as the owner, who may not leave; unknown group → 404; bad id → 400', async () => {
      expectNotMember(await leave('DELETE', e2e.tokens.outsider, group.group_id));
      expectGroupError(await leave('DELETE', e2e.tokens.app, group.group_id), 403, 'owner_protected');
      expectGroupNotFound(await leave('DELETE', e2e.tokens.member, UNKNOWN_GROUP));
      expectInvalid(await leave('POST', e2e.tokens.member, 'abc'), 'group_id');
    });
  });

  describe('DELETE·POST /group/kick (4.33)', () => {
    const kick = (method: string, token: string, groupId: number, userList: unknown[], actAs?: string) =>
      e2e.api.groupCall(method, 'kick', token, groupId, { user_list: userList }, actAs);

    it('answers one result per user in request order, code 200 with failed items; only the kicked leave', async () => {
      const [a1, m1, m2] = [newUserId(), newUserId(), newUserId()];
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [a1, m1, m2] });
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [a1]);
      const res = await kick('DELETE', e2e.tokens.owner, g.group_id, [m1, outsider, Number(owner), a1]);
      expectOk(res, [done(m1), failed(outsider, 'not_member'), failed(owner, 'owner_protected'), done(a1)]);
      expect(await roles(g.group_id)).toEqual({ [owner]: 'owner', [m2]: 'member' });
      expect((await e2e.api.info(e2e.tokens.owner, g.group_id)).count).toBe(2);
    });

    it('admins kick members but not admins, nobody kicks the owner; the app admin kicks admins', async () => {
      const [a1, a2, m1, m2] = [newUserId(), newUserId(), newUserId(), newUserId()];
      const a1Token = await e2e.api.token(a1);
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [a1, a2, m1, m2] });
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [a1, a2]);
      const res = await kick('POST', a1Token, g.group_id, [a2, m1, owner]);
      expectOk(res, [failed(a2, 'forbidden'), done(m1), failed(owner, 'owner_protected')]);
      expectOk(await kick('DELETE', e2e.tokens.app, g.group_id, [m2], a1), [done(m2)]);
      expectOk(await kick('DELETE', e2e.tokens.app, g.group_id, [owner], a1), [failed(owner, 'owner_protected')]);
      expectOk(await kick('POST', e2e.tokens.app, g.group_id, [a2, owner]), [
        done(a2),
        failed(owner, 'owner_protected'),
      ]);
      expect(await roles(g.group_id)).toEqual({ [owner]: 'owner', [a1]: 'admin' });
    });

    it('a plain member → 403 forbidden, an outsider → 403 not_member, nothing changed', async () => {
      await expectUnchanged(
        () => roles(group.group_id),
        async () => {
          expectForbidden(await kick('DELETE', e2e.tokens.member, group.group_id, [admin]));
          expectForbidden(await kick('POST', e2e.tokens.app, group.group_id, [admin], member));
          expectNotMember(await kick('DELETE', e2e.tokens.outsider, group.group_id, [member]));
          expectGroupNotFound(await kick('DELETE', e2e.tokens.owner, UNKNOWN_GROUP, [member]));
        },
      );
    });

    it('more than 1,000 users → 400 naming user_list, nothing changed; 100 pass validation', async () => {
      await expectUnchanged(
        () => roles(group.group_id),
        async () => {
          expectInvalid(
            await kick('DELETE', e2e.tokens.owner, group.group_id, [
              member,
              ...Array.from({ length: 1000 }, () => newUserId()),
            ]),
            'user_list',
          );
          expectInvalid(await kick('POST', e2e.tokens.owner, group.group_id, ['alice']), 'user_list');
          expectInvalid(await kick('POST', e2e.tokens.owner, group.group_id, []), 'user_list');
          const strangers = Array.from({ length: 100 }, () => newUserId());
          expectOk(
            await kick('DELETE', e2e.tokens.owner, group.group_id, strangers),
            strangers.map((id) => failed(id, 'not_member')),
          );
        },
      );
    });
  });

  describe('GET /group/user_joined (4.53)', () => {
    it('lists the ids (numbers) of every group and chatroom the caller is in, and no longer one it left', async () => {
      const user = newUserId();
      const userToken = await e2e.api.token(user);
      const [g1, room, own] = await Promise.all([
        e2e.api.createGroup(e2e.tokens.owner, { user_list: [user] }),
        e2e.api.createGroup(e2e.tokens.app, { type: 2, user_list: [user] }, { user_id: owner }),
        e2e.api.createGroup(userToken, {}),
      ]);
      const joined = await e2e.api.get('/group/user_joined', { token: userToken });
      expectOk(joined);
      expect([...joined.body.data].sort()).toEqual([g1.group_id, room.group_id, own.group_id].sort());
      const asUser = await e2e.api.get('/group/user_joined', { token: e2e.tokens.app, headers: { user_id: user } });
      expect([...asUser.body.data].sort()).toEqual([...joined.body.data].sort());

      expectOk(
        await e2e.api.call('DELETE', '/group/leave', { token: userToken, query: { group_id: g1.group_id } }),
        true,
      );
      const after = await e2e.api.get('/group/user_joined', { token: userToken });
      expect([...after.body.data].sort()).toEqual([room.group_id, own.group_id].sort());
    });

    it('a user in no group → []; the app admin without user_id → 400 naming user_id', async () => {
      expectOk(await e2e.api.get('/group/user_joined', { token: await e2e.api.token(newUserId()) }), []);
      expectInvalid(await e2e.api.get('/group/user_joined', { token: e2e.tokens.app }), 'user_id');
    });
  });
});
