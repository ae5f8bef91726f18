// Easemob member mutes through the real built stack, as the app admin: /chatgroups/{group_id}/mute
// (a private group: one refusal refuses the whole request), /chatrooms/{id}/mute (an outcome per
// user) and /chatrooms/{id}/ban (mute-all). Groups are created with POST /group/create (type 0 or
// 2), so usernames of members are numeric.
import { expectEventually } from '@cohort/testing';

import { createChatroom, EasemobClient, expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { expectOk, expectUnchanged, type Loose, newUserId } from './group-e2e.helpers';
import { done, expectPage, MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';

const UNKNOWN_GROUP = '4000000003333';
const MINUTE = 60_000;

/** An Easemob-style username no other test uses (never a member: members are numeric). */
const ghost = (tag: string) => `${tag}_${newUserId()}`;

describe('Easemob member mutes', () => {
  const e2e = useGroupStack('easemob-mutes', { db: false, api: (baseUrl) => new MembershipApi(baseUrl) });
  const { owner, member } = e2e.users;
  let easemob: EasemobClient;

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    await easemob.login();
  });

  /** A private group (type 0) of the owner with the fixture's member and `others`: its id. */
  const newGroup = async (others: string[] = []) =>
    String(
      (
        await e2e.api.createGroup(
          e2e.tokens.app,
          { type: 0, name: 'private', user_list: [member, ...others] },
          { user_id: owner },
        )
      ).group_id,
    );
  const newRoom = (others: string[] = []) => createChatroom(e2e.api, e2e.tokens.app, owner, [member, ...others]);

  const mute = (base: string, usernames: string[], duration: number) =>
    easemob.post(`${base}/mute`, { body: { usernames, mute_duration: duration } });
  /** GET `base`/mute: the mutes in force, asserting the list envelope. */
  const mutes = async (base: string): Promise<{ expire: number; user: string }[]> => {
    const res = await easemob.get(`${base}/mute`);
    const data = expectEasemobOk(res) as Loose[];
    expect(res.body.count).toBe(data.length);
    return data;
  };
  /** Mutes set by one call share their time: the list orders them by username. */
  const byUser = <T extends { user: string }>(items: T[]) => [...items].sort((a, b) => a.user.localeCompare(b.user));
  /** `{user: expire}` of the mutes in force. */
  const expires = async (base: string) => Object.fromEntries((await mutes(base)).map((m) => [m.user, m.expire]));
  /** A mute's end as an answer to a mute of `ms` sent between `before` and now shows it. */
  const expectEndsIn = (expire: number, ms: number, before: number) => {
    expect(expire).toBeGreaterThanOrEqual(before + ms);
    expect(expire).toBeLessThanOrEqual(Date.now() + ms);
  };
  /** /group/banned_list of the group, as the app admin reads it. */
  const bannedList = async (groupId: string) => {
    const res = await e2e.api.groupGet('banned_list', e2e.tokens.app, { group_id: groupId });
    expectPage(res);
    return res.body.data as { display_name: string; expired_time: number; join_time: number; user_id: number }[];
  };
  const groupInfo = (groupId: string) => e2e.api.info(e2e.tokens.app, groupId);

  describe('POST /chatgroups/{group_id}/mute', () => {
    it('mutes members for mute_duration ms: [{result: true, expire, user}] in request order; GET lists them', async () => {
      const m1 = newUserId();
      const g = await newGroup([m1]);
      const before = Date.now();
      const data = expectEasemobOk(await mute(`/chatgroups/${g}`, [m1, member], 10 * MINUTE)) as Loose[];
      expect(data).toEqual([
        { result: true, expire: expect.any(Number), user: m1 },
        { result: true, expire: expect.any(Number), user: member },
      ]);
      for (const item of data) expectEndsIn(item.expire, 10 * MINUTE, before);
      expect(await mutes(`/chatgroups/${g}`)).toEqual(byUser(data.map(({ expire, user }) => ({ expire, user }))));
    });

    it('61 usernames → 400 invalid_parameter naming usernames; none, or a bad mute_duration → 400; nothing changes', async () => {
      const g = await newGroup();
      const base = `/chatgroups/${g}`;
      await expectUnchanged(
        () => mutes(base),
        async () => {
          const many = [member, ...Array.from({ length: 60 }, () => newUserId())];
          expectEasemobError(await mute(base, many, -1), 400, 'invalid_parameter', /^usernames: .*\b60\b/);
          expectEasemobError(await mute(base, [], -1), 400, 'invalid_parameter', /^usernames: /);
          expectEasemobError(
            await easemob.post(`${base}/mute`, { body: { mute_duration: -1 } }),
            400,
            'invalid_parameter',
            /^usernames: /,
          );
          for (const duration of [-2, 1.5, 100 * 365 * 24 * 3600 * 1000 + 1]) {
            expectEasemobError(await mute(base, [member], duration), 400, 'invalid_parameter', /^mute_duration: /);
          }
          expectEasemobError(
            await easemob.post(`${base}/mute`, { body: { usernames: [member] } }),
            400,
            'invalid_parameter',
            /^mute_duration: /,
          );
        },
      );
      expect(await mutes(base)).toEqual([]);
    });

    it('any username not a member → 403 forbidden_op naming every one of them, and nothing changes', async () => {
      const m1 = newUserId();
      const g = await newGroup([m1]);
      const base = `/chatgroups/${g}`;
      expectEasemobOk(await mute(base, [m1], -1));
      const [ghostA, ghostB] = [ghost('ghostA'), ghost('ghostB')];
      await expectUnchanged(
        () => mutes(base),
        async () => {
          const res = await mute(base, [member, ghostA, m1, ghostB], 10 * MINUTE);
          expectEasemobError(res, 403, 'forbidden_op', /^users \[.+\] are not members of this group!$/);
          const description: string = res.body.error_description;
          expect(description).toContain(ghostA);
          expect(description).toContain(ghostB);
          expect(description).not.toContain(member);
          expect(description).not.toContain(m1);
          // A lift (mute_duration 0) naming a non-member is refused whole as well.
          expectEasemobError(
            await mute(base, [m1, ghostA], 0),
            403,
            'forbidden_op',
            `users [${ghostA}] are not members of this group!`,
          );
        },
      );
      expect(await expires(base)).toEqual({ [m1]: -1 });
    });

    it('the owner among the usernames → 403 forbidden_op, and nothing changes', async () => {
      const g = await newGroup();
      const base = `/chatgroups/${g}`;
      await expectUnchanged(
        () => mutes(base),
        async () => expectEasemobError(await mute(base, [member, owner], -1), 403, 'forbidden_op', /owner/),
      );
      expect(await mutes(base)).toEqual([]);
    });

    it('an unknown group → 404; a chatroom is not a chatgroup: 404 on every /chatgroups mute route, nothing changes', async () => {
      expectEasemobError(await mute(`/chatgroups/${UNKNOWN_GROUP}`, [member], -1), 404, 'resource_not_found');
      expectEasemobError(await easemob.get(`/chatgroups/${UNKNOWN_GROUP}/mute`), 404, 'resource_not_found');
      expectEasemobError(
        await easemob.delete(`/chatgroups/${UNKNOWN_GROUP}/mute/${member}`),
        404,
        'resource_not_found',
      );
      const room = await newRoom();
      expectEasemobError(await mute(`/chatgroups/${room}`, [member], -1), 404, 'resource_not_found');
      expectEasemobError(await easemob.get(`/chatgroups/${room}/mute`), 404, 'resource_not_found');
      expectEasemobError(await easemob.delete(`/chatgroups/${room}/mute/${member}`), 404, 'resource_not_found');
      expect(await mutes(`/chatrooms/${room}`)).toEqual([]);
    });

    it('a mute outlives leaving and re-joining the group, with the same expire', async () => {
      const m1 = newUserId();
      const m1Token = await e2e.api.token(m1);
      const g = await newGroup([m1]);
      const base = `/chatgroups/${g}`;
      const [muted] = expectEasemobOk(await mute(base, [m1], 30 * MINUTE)) as Loose[];
      expectOk(await e2e.api.call('DELETE', '/group/leave', { token: m1Token, query: { group_id: g } }), true);
      expect(await mutes(base)).toEqual([{ expire: muted.expire, user: m1 }]);
      expect(await bannedList(g)).toEqual([
        { display_name: '', expired_time: muted.expire, join_time: 0, user_id: Number(m1) },
      ]);
      // Back in: the app admin (acting as the user) applies to a group anyone may join.
      await e2e.api.setApplyApproval(e2e.tokens.app, g, 0);
      expectOk(await e2e.api.groupCall('POST', 'apply', e2e.tokens.app, g, {}, m1), done(m1));
      expect(await mutes(base)).toEqual([{ expire: muted.expire, user: m1 }]);
      const [listed] = await bannedList(g);
      expect(listed).toMatchObject({ expired_time: muted.expire, user_id: Number(m1) });
      expect(listed.join_time).toBeGreaterThan(0);
    });

    it('expires: a mute of 1500 ms is listed, then gone from the list, banned_list and the profiles once it has passed', async () => {
      const g = await newGroup();
      const base = `/chatgroups/${g}`;
      const before = Date.now();
      const [muted] = expectEasemobOk(await mute(base, [member], 1500)) as Loose[];
      expect(muted).toEqual({ result: true, expire: expect.any(Number), user: member });
      expectEndsIn(muted.expire, 1500, before);
      expect(await mutes(base)).toEqual([{ expire: muted.expire, user: member }]);
      expect((await bannedList(g)).map((p) => p.expired_time)).toEqual([muted.expire]);
      await expectEventually(async () => expect(await mutes(base)).toEqual([]), { timeoutMs: 15_000, intervalMs: 250 });
      expect(Date.now()).toBeGreaterThanOrEqual(muted.expire);
      expect(await bannedList(g)).toEqual([]);
      const profiles = await e2e.api.groupCall('POST', 'members/display_name', e2e.tokens.app, g, {
        user_list: [member],
      });
      expectOk(profiles, [expect.objectContaining({ expired_time: 0, user_id: Number(member) })]);
    });

    it('-1 mutes for good (expire -1); 0 lifts (expire 0, no longer listed)', async () => {
      const g = await newGroup();
      const base = `/chatgroups/${g}`;
      expect(expectEasemobOk(await mute(base, [member], -1))).toEqual([{ result: true, expire: -1, user: member }]);
      expect(await mutes(base)).toEqual([{ expire: -1, user: member }]);
      expect(expectEasemobOk(await mute(base, [member], 0))).toEqual([{ result: true, expire: 0, user: member }]);
      expect(await mutes(base)).toEqual([]);
    });

    it('mute-all does not touch the mute list: ban_all / unban_all only change ban_expire_time', async () => {
      const g = await newGroup();
      const base = `/chatgroups/${g}`;
      expectEasemobOk(await mute(base, [member], -1));
      await expectUnchanged(
        () => mutes(base),
        async () => {
          expectOk(await e2e.api.groupCall('POST', 'settings/ban_all', e2e.tokens.app, g, { duration: -1 }), {
            ban_expire_time: -1,
          });
          expect((await groupInfo(g)).ban_expire_time).toBe(-1);
          expectOk(await e2e.api.groupCall('POST', 'settings/unban_all', e2e.tokens.app, g), true);
          expect((await groupInfo(g)).ban_expire_time).toBe(0);
        },
      );
    });
  });

  describe('DELETE /chatgroups/{group_id}/mute/{usernames}', () => {
    it('lifts the mutes of one user or several (`,` or `%2C`): [{result: true, user}] in request order', async () => {
      const [m1, m2, m3] = [newUserId(), newUserId(), newUserId()];
      const g = await newGroup([m1, m2, m3]);
      const base = `/chatgroups/${g}`;
      expectEasemobOk(await mute(base, [m1, m2, m3, member], -1));
      expect(expectEasemobOk(await easemob.delete(`${base}/mute/${m2}`))).toEqual([{ result: true, user: m2 }]);
      expect(expectEasemobOk(await easemob.delete(`${base}/mute/${m3},${m1}`))).toEqual([
        { result: true, user: m3 },
        { result: true, user: m1 },
      ]);
      expect(await expires(base)).toEqual({ [member]: -1 });
      expect(expectEasemobOk(await easemob.delete(`${base}/mute/${member}%2C${m1}`))).toEqual([
        { result: true, user: member },
        { result: true, user: m1 },
      ]);
      expect(await mutes(base)).toEqual([]);
    });

    it('more than 60 usernames → 400 naming usernames, nothing changes', async () => {
      const g = await newGroup();
      const base = `/chatgroups/${g}`;
      expectEasemobOk(await mute(base, [member], -1));
      const many = [member, ...Array.from({ length: 60 }, () => newUserId())].join(',');
      expectEasemobError(
        await easemob.delete(`${base}/mute/${many}`),
        400,
        'invalid_parameter',
        /^usernames: .*\b60\b/,
      );
      expect(await expires(base)).toEqual({ [member]: -1 });
    });
  });

  describe('/chatrooms/{id}/mute', () => {
    it('POST answers per user: a non-member and the owner fail their items, the others are muted', async () => {
      const m1 = newUserId();
      const room = await newRoom([m1]);
      const base = `/chatrooms/${room}`;
      const stranger = ghost('stranger');
      const before = Date.now();
      const data = expectEasemobOk(await mute(base, [m1, stranger, owner, member], 5 * MINUTE)) as Loose[];
      expect(data).toEqual([
        { result: true, expire: expect.any(Number), user: m1 },
        { result: false, user: stranger, reason: expect.stringContaining(stranger) },
        { result: false, user: owner, reason: expect.stringMatching(/owner/) },
        { result: true, expire: expect.any(Number), user: member },
      ]);
      expectEndsIn(data[0].expire, 5 * MINUTE, before);
      expect(await mutes(base)).toEqual(
        byUser([
          { expire: data[0].expire, user: m1 },
          { expire: data[3].expire, user: member },
        ]),
      );
      expect(expectEasemobOk(await easemob.delete(`${base}/mute/${m1}`))).toEqual([{ result: true, user: m1 }]);
      expect(await mutes(base)).toEqual([{ expire: data[3].expire, user: member }]);
      expect(expectEasemobOk(await mute(base, [member], 0))).toEqual([{ result: true, expire: 0, user: member }]);
      expect(await mutes(base)).toEqual([]);
    });

    it('61 usernames → 400 naming usernames; an unknown chatroom → 404', async () => {
      const room = await newRoom();
      const many = [member, ...Array.from({ length: 60 }, () => newUserId())];
      expectEasemobError(await mute(`/chatrooms/${room}`, many, -1), 400, 'invalid_parameter', /^usernames: .*\b60\b/);
      expect(await mutes(`/chatrooms/${room}`)).toEqual([]);
      expectEasemobError(await mute(`/chatrooms/${UNKNOWN_GROUP}`, [member], -1), 404, 'resource_not_found');
      expectEasemobError(await easemob.get(`/chatrooms/${UNKNOWN_GROUP}/mute`), 404, 'resource_not_found');
    });

    it('a private group is not a chatroom: its /chatrooms mute and ban routes answer 404 and change nothing', async () => {
      const g = await newGroup();
      expectEasemobError(await easemob.get(`/chatrooms/${g}/mute`), 404, 'resource_not_found');
      expectEasemobError(await mute(`/chatrooms/${g}`, [member], -1), 404, 'resource_not_found');
      expectEasemobError(await easemob.delete(`/chatrooms/${g}/mute/${member}`), 404, 'resource_not_found');
      expectEasemobError(await easemob.post(`/chatrooms/${g}/ban`), 404, 'resource_not_found');
      expect(await mutes(`/chatgroups/${g}`)).toEqual([]);
      expect((await groupInfo(g)).ban_expire_time).toBe(0);
    });
  });

  describe('POST and DELETE /chatrooms/{id}/ban', () => {
    it('mutes the whole chatroom ({mute: true}, ban_expire_time -1) and lifts it ({mute: false}, 0); the mute list is untouched', async () => {
      const m1 = newUserId();
      const room = await newRoom([m1]);
      const base = `/chatrooms/${room}`;
      expectEasemobOk(await mute(base, [m1], -1));
      await expectUnchanged(
        () => mutes(base),
        async () => {
          expect(expectEasemobOk(await easemob.post(`${base}/ban`))).toEqual({ mute: true });
          expect((await groupInfo(room)).ban_expire_time).toBe(-1);
          expect(expectEasemobOk(await easemob.delete(`${base}/ban`))).toEqual({ mute: false });
          expect((await groupInfo(room)).ban_expire_time).toBe(0);
        },
      );
      expect(await expires(base)).toEqual({ [m1]: -1 });
      expectEasemobError(await easemob.post(`/chatrooms/${UNKNOWN_GROUP}/ban`), 404, 'resource_not_found');
    });
  });
});
