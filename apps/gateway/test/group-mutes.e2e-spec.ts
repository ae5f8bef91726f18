// Member mutes of /group through the real built stack: ban (4.12), unban (4.51) and banned_list
// (4.13): who may mute whom, durations in minutes, the paged list with the muted users' profiles.
import {
  expectForbidden,
  expectGroupNotFound,
  expectInvalid,
  expectNotMember,
  expectOk,
  expectUnchanged,
  type GroupInfo,
  type HttpResult,
  newUserId,
} from './group-e2e.helpers';
import { done, expectPage, failed, MEMBER_PROFILE_KEYS, MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';

const UNKNOWN_GROUP = 4_000_000_002_222;
const MINUTE = 60_000;

interface Profile {
  display_name: string;
  expired_time: number;
  join_time: number;
  user_id: number;
}

describe('/group member mutes', () => {
  const e2e = useGroupStack('group-mutes', { api: (baseUrl) => new MembershipApi(baseUrl) });
  const { owner, member, outsider } = e2e.users;

  /** A group of the owner with the fixture's member and `others`. */
  const groupWith = (others: string[] = []) =>
    e2e.api.createGroup(e2e.tokens.owner, { user_list: [member, ...others] });
  const ban = (token: string, groupId: number | string, userList: unknown[], duration: unknown, actAs?: string) =>
    e2e.api.groupCall('POST', 'ban', token, groupId, { user_list: userList, duration }, actAs);
  const unban = (token: string, groupId: number | string, userList: unknown[], actAs?: string) =>
    e2e.api.groupCall('POST', 'unban', token, groupId, { user_list: userList }, actAs);
  const bannedList = (
    token: string,
    groupId: number | string,
    query: Record<string, string | number | undefined> = {},
    actAs?: string,
  ) => e2e.api.groupGet('banned_list', token, { group_id: groupId, ...query }, actAs);
  /** The first page of the banned list, as the owner reads it (asserting the page). */
  const banned = async (groupId: number | string): Promise<Profile[]> => {
    const res = await bannedList(e2e.tokens.owner, groupId);
    expectPage(res);
    return res.body.data;
  };
  /** `{user_id: expired_time}` of the banned list. */
  const mutedUntil = async (groupId: number | string) =>
    Object.fromEntries((await banned(groupId)).map((p) => [String(p.user_id), p.expired_time]));
  /** The members' profiles (4.36), by user id. */
  const profiles = async (groupId: number | string, userIds: string[]): Promise<Record<string, Profile>> => {
    const res = await e2e.api.groupCall('POST', 'members/display_name', e2e.tokens.owner, groupId, {
      user_list: userIds,
    });
    expectOk(res);
    return Object.fromEntries((res.body.data as Profile[]).map((p) => [String(p.user_id), p]));
  };
  /** A mute's end as the answer of a ban of `minutes` sent between `before` and now shows it. */
  const expectEndsIn = (until: number, minutes: number, before: number) => {
    expect(until).toBeGreaterThanOrEqual(before + minutes * MINUTE);
    expect(until).toBeLessThanOrEqual(Date.now() + minutes * MINUTE);
  };

  describe('POST /group/ban (4.12)', () => {
    it('mutes members for `duration` minutes: a result per user in request order; banned_list and the profiles show when it ends', async () => {
      const [m1, m2] = [newUserId(), newUserId()];
      const g = await groupWith([m1, m2]);
      const before = Date.now();
      expectOk(await ban(e2e.tokens.owner, g.group_id, [Number(m2), m1], 10), [done(m2), done(m1)]);
      // Mutes set by one call share their time: the list orders them by user id.
      const list = await banned(g.group_id);
      expect(list.map((p) => String(p.user_id))).toEqual([m1, m2].sort());
      for (const profile of list) {
        expect(Object.keys(profile).sort()).toEqual(MEMBER_PROFILE_KEYS);
        expectEndsIn(profile.expired_time, 10, before);
        expect(profile).toMatchObject({ display_name: '', join_time: expect.any(Number) });
        expect(profile.join_time).toBeGreaterThan(0);
      }
      const shown = await profiles(g.group_id, [m1, m2, member]);
      const listed = Object.fromEntries(list.map((p) => [String(p.user_id), p.expired_time]));
      expect(shown[m1].expired_time).toBe(listed[m1]);
      expect(shown[m2].expired_time).toBe(listed[m2]);
      expect(shown[member].expired_time).toBe(0);
    });

    it('-1 mutes for good (expired_time -1); 0 lifts the mute', async () => {
      const m1 = newUserId();
      const g = await groupWith([m1]);
      expectOk(await ban(e2e.tokens.owner, g.group_id, [m1], -1), [done(m1)]);
      expect(await mutedUntil(g.group_id)).toEqual({ [m1]: -1 });
      expect((await profiles(g.group_id, [m1]))[m1].expired_time).toBe(-1);
      expectOk(await ban(e2e.tokens.owner, g.group_id, [m1], 0), [done(m1)]);
      expect(await banned(g.group_id)).toEqual([]);
      expect((await profiles(g.group_id, [m1]))[m1].expired_time).toBe(0);
    });

    it('muting again replaces the end of the mute', async () => {
      const g = await groupWith();
      expectOk(await ban(e2e.tokens.owner, g.group_id, [member], 5), [done(member)]);
      const before = Date.now();
      expectOk(await ban(e2e.tokens.owner, g.group_id, [member], 60), [done(member)]);
      const list = await banned(g.group_id);
      expect(list).toHaveLength(1);
      expectEndsIn(list[0].expired_time, 60, before);
    });

    it('an admin mutes members but neither another admin (forbidden) nor the owner (owner_protected); the owner mutes admins', async () => {
      const [a1, a2, m1] = [newUserId(), newUserId(), newUserId()];
      const a1Token = await e2e.api.token(a1);
      const g = await groupWith([a1, a2, m1]);
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [a1, a2]);
      expectOk(await ban(a1Token, g.group_id, [m1, a2, owner, outsider], -1), [
        done(m1),
        failed(a2, 'forbidden'),
        failed(owner, 'owner_protected'),
        failed(outsider, 'not_member'),
      ]);
      expect(await mutedUntil(g.group_id)).toEqual({ [m1]: -1 });
      expectOk(await ban(e2e.tokens.owner, g.group_id, [a2, owner], -1), [done(a2), failed(owner, 'owner_protected')]);
      expect(await mutedUntil(g.group_id)).toEqual({ [m1]: -1, [a2]: -1 });
    });

    it('a member → code 403 forbidden, an outsider → 403 not_member: nothing changes', async () => {
      const m1 = newUserId();
      const g = await groupWith([m1]);
      await expectUnchanged(
        () => banned(g.group_id),
        async () => {
          expectForbidden(await ban(e2e.tokens.member, g.group_id, [m1], 10));
          expectNotMember(await ban(e2e.tokens.outsider, g.group_id, [m1], 10));
          expectForbidden(await ban(e2e.tokens.app, g.group_id, [m1], 10, member));
          expectNotMember(await ban(e2e.tokens.app, g.group_id, [m1], 10, outsider));
        },
      );
      expect(await banned(g.group_id)).toEqual([]);
    });

    it('the app admin mutes with owner rights, without user_id or acting as the owner', async () => {
      const m1 = newUserId();
      const g = await groupWith([m1]);
      expectOk(await ban(e2e.tokens.app, g.group_id, [m1], -1, owner), [done(m1)]);
      expectOk(await ban(e2e.tokens.app, g.group_id, [member], -1), [done(member)]);
      expect(await mutedUntil(g.group_id)).toEqual({ [m1]: -1, [member]: -1 });
    });

    it('a bad user_list, duration or group_id → 400 naming it; an unknown group → 404', async () => {
      const g = await groupWith();
      await expectUnchanged(
        () => banned(g.group_id),
        async () => {
          expectInvalid(
            await ban(
              e2e.tokens.owner,
              g.group_id,
              Array.from({ length: 1001 }, () => newUserId()),
              10,
            ),
            'user_list',
          );
          expectInvalid(await ban(e2e.tokens.owner, g.group_id, [], 10), 'user_list');
          expectInvalid(await ban(e2e.tokens.owner, g.group_id, ['bob'], 10), 'user_list');
          for (const duration of [-2, 1.5, 52_560_001, null, undefined])
            expectInvalid(await ban(e2e.tokens.owner, g.group_id, [member], duration), 'duration');
          expectInvalid(await ban(e2e.tokens.owner, 'g1', [member], 10), 'group_id');
        },
      );
      expectOk(
        await ban(
          e2e.tokens.owner,
          g.group_id,
          Array.from({ length: 59 }, () => newUserId()).concat(member),
          52_560_000,
        ),
      );
      expectGroupNotFound(await ban(e2e.tokens.owner, UNKNOWN_GROUP, [member], 10));
    });
  });

  describe('POST /group/unban (4.51)', () => {
    it('lifts mutes: a result per user; they are gone from banned_list and their profiles', async () => {
      const [m1, m2] = [newUserId(), newUserId()];
      const g = await groupWith([m1, m2]);
      expectOk(await ban(e2e.tokens.owner, g.group_id, [m1, m2, member], -1));
      expectOk(await unban(e2e.tokens.owner, g.group_id, [m2, Number(m1)]), [done(m2), done(m1)]);
      expect(await mutedUntil(g.group_id)).toEqual({ [member]: -1 });
      expect((await profiles(g.group_id, [m1]))[m1].expired_time).toBe(0);
    });

    it('a member → code 403 forbidden, an outsider → 403 not_member; more than 1,000 users → 400 naming user_list', async () => {
      const g = await groupWith();
      expectOk(await ban(e2e.tokens.owner, g.group_id, [member], -1));
      await expectUnchanged(
        () => banned(g.group_id),
        async () => {
          expectForbidden(await unban(e2e.tokens.member, g.group_id, [member]));
          expectNotMember(await unban(e2e.tokens.outsider, g.group_id, [member]));
          expectInvalid(
            await unban(
              e2e.tokens.owner,
              g.group_id,
              Array.from({ length: 1001 }, () => newUserId()),
            ),
            'user_list',
          );
        },
      );
      expectGroupNotFound(await unban(e2e.tokens.owner, UNKNOWN_GROUP, [member]));
    });
  });

  describe('GET /group/banned_list (4.13)', () => {
    /** Every page of the list in pages of `limit`, as `token` reads it. */
    const walk = async (token: string, groupId: number, limit: number): Promise<HttpResult[]> => {
      const pages: HttpResult[] = [];
      let cursor = '';
      do {
        const res = await bannedList(token, groupId, { limit, cursor });
        expectPage(res);
        pages.push(res);
        cursor = res.body.cursor;
      } while (cursor !== '' && pages.length < 10);
      return pages;
    };

    it('pages through the mutes in the order they were set, with profiles (display names too)', async () => {
      const users = Array.from({ length: 5 }, () => newUserId());
      const g = await groupWith(users);
      const named = users[2];
      expectOk(
        await e2e.api.groupCall('PUT', 'display_name', e2e.tokens.app, g.group_id, { value: 'Muted Mia' }, named),
        true,
      );
      for (const user of users)
        expectOk(await ban(e2e.tokens.owner, g.group_id, [user], user === users[4] ? -1 : 30), [done(user)]);
      const pages = await walk(e2e.tokens.member, g.group_id, 2);
      expect(pages.map((p) => p.body.data.length)).toEqual([2, 2, 1]);
      expect(pages.map((p) => p.body.total)).toEqual([5, 5, 5]);
      const items: Profile[] = pages.flatMap((p) => p.body.data);
      expect(items.map((p) => String(p.user_id))).toEqual(users);
      expect(items.find((p) => String(p.user_id) === named)?.display_name).toBe('Muted Mia');
      expect(items.filter((p) => p.display_name === '')).toHaveLength(4);
      expect(items[4].expired_time).toBe(-1);
      // The whole list at once, as the default page of 1000 answers it.
      const all = await bannedList(e2e.tokens.owner, g.group_id, { limit: 5000, version: 3 });
      expectPage(all, items);
      expect(all.body).toMatchObject({ cursor: '', total: 5, version: 0 });
    });

    it('a muted user who left stays listed, without a name or join time, and keeps the mute on re-joining', async () => {
      const [m1, m2] = [newUserId(), newUserId()];
      const m1Token = await e2e.api.token(m1);
      const g = await groupWith([m1, m2]);
      expectOk(await e2e.api.groupCall('PUT', 'display_name', m1Token, g.group_id, { value: 'Leaver' }), true);
      expectOk(await ban(e2e.tokens.owner, g.group_id, [m1, m2], 30));
      const [first] = await banned(g.group_id);
      expect(first).toMatchObject({ display_name: 'Leaver', user_id: Number(m1) });
      expectOk(await e2e.api.call('POST', '/group/leave', { token: m1Token, query: { group_id: g.group_id } }), true);
      expect(await banned(g.group_id)).toEqual([
        { display_name: '', expired_time: first.expired_time, join_time: 0, user_id: Number(m1) },
        expect.anything(),
      ]);
      await e2e.api.setApplyApproval(e2e.tokens.owner, g.group_id, 0);
      expectOk(await e2e.api.groupCall('POST', 'apply', m1Token, g.group_id), done(m1));
      const [back] = await banned(g.group_id);
      expect(back).toMatchObject({ user_id: Number(m1), expired_time: first.expired_time });
      expect(back.join_time).toBeGreaterThanOrEqual(first.join_time);
    });

    it('members read it; an outsider → 403 not_member; a bad limit → 400 naming limit; an unknown group → 404', async () => {
      const g: GroupInfo = await groupWith();
      expectOk(await ban(e2e.tokens.owner, g.group_id, [member], -1));
      expectPage(await bannedList(e2e.tokens.member, g.group_id), [
        { display_name: '', expired_time: -1, join_time: expect.any(Number), user_id: Number(member) },
      ]);
      expectNotMember(await bannedList(e2e.tokens.outsider, g.group_id));
      for (const limit of [0, 'x', -1])
        expectInvalid(await bannedList(e2e.tokens.owner, g.group_id, { limit }), 'limit');
      expectGroupNotFound(await bannedList(e2e.tokens.owner, UNKNOWN_GROUP));
    });
  });
});
