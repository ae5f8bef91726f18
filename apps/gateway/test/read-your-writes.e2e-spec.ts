// Read-your-writes with every service twice: each fact a service keeps of another's (PeerFacts:
// a group's record, roster, current announcement, members' roles and names, blocks, mute ends) and each record membership keeps of its own
// (RosterReadCache: rosters, members) is read right after the write that changed it, through
// whichever instance NATS picks, round after round. A copy that lagged its owner's
// event would answer the fact the write replaced (docs/architecture.md, "Read-your-writes").
import { randomUUID } from 'node:crypto';

import { createEasemobChatroom, EasemobClient, everyChatroom, expectEasemobOk } from './easemob-e2e.helpers';
import { expectForbidden, expectGroupError, expectOk, newUserId } from './group-e2e.helpers';
import { done, MembershipApi } from './group-membership.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';
import { createConversation, createNetworkUser, demoAppWithBot, expectMixinOk, MixinClient } from './mixin-e2e.helpers';

const ROUNDS = 8;

describe('read-your-writes: every service twice', () => {
  const { appsJson, bot } = demoAppWithBot();
  const e2e = useGroupStack('read-your-writes', {
    instances: 2,
    env: HIGH_RATE_LIMIT,
    appEnv: { gateway: { APPS_JSON: appsJson } },
    api: (baseUrl) => new MembershipApi(baseUrl),
  });

  it("a name written through groups is what membership's group info answers next (the group record)", async () => {
    const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [e2e.users.member] });
    for (let round = 0; round < ROUNDS; round++) {
      expectOk(
        await e2e.api.post('/group/info/name', {
          token: e2e.tokens.owner,
          body: { group_id: g.group_id, value: `name ${round}` },
        }),
        true,
      );
      expect((await e2e.api.info(e2e.tokens.member, g.group_id)).name).toBe(`name ${round}`);
    }
  });

  it("a role given or taken in membership is what groups' next rule sees (roles)", async () => {
    const m = newUserId();
    const [mToken] = await e2e.api.tokensOf([m]);
    const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [m] });
    const changeSetting = (approval: number) =>
      e2e.api.groupCall('PUT', 'settings/require_admin_approval', mToken, g.group_id, { apply_approval: approval });
    for (let round = 0; round < ROUNDS; round++) {
      expectOk(await e2e.api.groupCall('POST', 'admin/add', e2e.tokens.owner, g.group_id, { user_list: [m] }), [
        done(m),
      ]);
      expectOk(await changeSetting(round % 2), true);
      expectOk(await e2e.api.groupCall('DELETE', 'admin/remove', e2e.tokens.owner, g.group_id, { user_list: [m] }), [
        done(m),
      ]);
      expectForbidden(await changeSetting(round % 2));
    }
  });

  it("a block or unblock in moderation is what membership's next admission sees (blocks)", async () => {
    const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [e2e.users.member] });
    await e2e.api.setApplyApproval(e2e.tokens.owner, g.group_id, 0);
    for (let round = 0; round < ROUNDS; round++) {
      const applicant = newUserId();
      const [token] = await e2e.api.tokensOf([applicant]);
      expectOk(await e2e.api.groupCall('POST', 'block', e2e.tokens.owner, g.group_id, { user_list: [applicant] }), [
        done(applicant),
      ]);
      expectGroupError(await e2e.api.groupCall('POST', 'apply', token, g.group_id), 403, 'blocked');
      expectOk(await e2e.api.groupCall('DELETE', 'unblock', e2e.tokens.owner, g.group_id, { user_list: [applicant] }), [
        done(applicant),
      ]);
      expectOk(await e2e.api.groupCall('POST', 'apply', token, g.group_id), done(applicant));
    }
  });

  it("a mute set or lifted in moderation is what membership's next member list shows (mute ends)", async () => {
    const m = newUserId();
    const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [m] });
    const mutedUntil = async (): Promise<number> => {
      const res = await e2e.api.groupGet('member_list', e2e.tokens.owner, { group_id: g.group_id });
      expect(res.body.code).toBe(200);
      return (
        (res.body.data as { user_id: unknown; expired_time: number }[]).find((p) => String(p.user_id) === m)
          ?.expired_time ?? NaN
      );
    };
    for (let round = 0; round < ROUNDS; round++) {
      expectOk(await e2e.api.groupCall('POST', 'ban', e2e.tokens.owner, g.group_id, { user_list: [m], duration: 10 }), [
        done(m),
      ]);
      expect(await mutedUntil()).toBeGreaterThan(Date.now());
      expectOk(await e2e.api.groupCall('POST', 'unban', e2e.tokens.owner, g.group_id, { user_list: [m] }), [done(m)]);
      expect(await mutedUntil()).toBe(0);
    }
  });

  it("a departure or a new display name in membership is what membership's next group info and profiles answer (its own records)", async () => {
    const leavers = Array.from({ length: ROUNDS }, () => newUserId());
    const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [e2e.users.member, ...leavers] });
    const profileName = async (): Promise<string> => {
      const res = await e2e.api.post('/group/members/display_name', {
        token: e2e.tokens.owner,
        body: { group_id: g.group_id, user_list: [e2e.users.member] },
      });
      expect(res.body.code).toBe(200);
      return (res.body.data as { display_name: string }[])[0].display_name;
    };
    expect((await e2e.api.info(e2e.tokens.owner, g.group_id)).count).toBe(ROUNDS + 2);
    expect(await profileName()).toBe('');
    for (let round = 0; round < ROUNDS; round++) {
      expectOk(
        await e2e.api.groupCall('DELETE', 'kick', e2e.tokens.owner, g.group_id, { user_list: [leavers[round]] }),
        [done(leavers[round])],
      );
      expect((await e2e.api.info(e2e.tokens.owner, g.group_id)).count).toBe(ROUNDS + 1 - round);
      expectOk(
        await e2e.api.groupCall('PUT', 'display_name', e2e.tokens.member, g.group_id, { value: `name ${round}` }),
        true,
      );
      expect(await profileName()).toBe(`name ${round}`);
    }
  });

  it("a new display name or a departure in membership is what moderation's next banned list shows (members' names)", async () => {
    const leavers = Array.from({ length: ROUNDS }, () => newUserId());
    const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [e2e.users.member, ...leavers] });
    const muted = [e2e.users.member, ...leavers];
    expectOk(
      await e2e.api.groupCall('POST', 'ban', e2e.tokens.owner, g.group_id, { user_list: muted, duration: -1 }),
      muted.map((userId) => done(userId)),
    );
    const banned = async (userId: string): Promise<{ display_name: string; join_time: number }> => {
      const res = await e2e.api.groupGet('banned_list', e2e.tokens.owner, { group_id: g.group_id });
      expect(res.body.code).toBe(200);
      const entries = res.body.data as { user_id: unknown; display_name: string; join_time: number }[];
      return entries.find((entry) => String(entry.user_id) === userId) as { display_name: string; join_time: number };
    };
    expect(await banned(leavers[0])).toMatchObject({ display_name: '', join_time: expect.any(Number) });
    for (let round = 0; round < ROUNDS; round++) {
      expectOk(
        await e2e.api.groupCall('PUT', 'display_name', e2e.tokens.member, g.group_id, { value: `name ${round}` }),
        true,
      );
      expect((await banned(e2e.users.member)).display_name).toBe(`name ${round}`);
      expect((await banned(leavers[round])).join_time).toBeGreaterThan(0);
      expectOk(
        await e2e.api.groupCall('DELETE', 'kick', e2e.tokens.owner, g.group_id, { user_list: [leavers[round]] }),
        [done(leavers[round])],
      );
      expect(await banned(leavers[round])).toMatchObject({ display_name: '', join_time: 0 });
    }
  });

  it("a user added to or removed from a chatroom in membership is what groups' next chatroom list counts (rosters)", async () => {
    const easemob = new EasemobClient(e2e.stack.baseUrl);
    const user = () => `ryw_${randomUUID().slice(0, 8)}`;
    const id = await createEasemobChatroom(easemob, { owner: user(), members: [user()] });
    const listedCount = async (): Promise<number> => {
      const rooms = await everyChatroom(easemob);
      return rooms.find((room) => room.id === id)?.affiliations_count as number;
    };
    expect(await listedCount()).toBe(2);
    for (let round = 0; round < ROUNDS; round++) {
      const newcomer = user();
      expectEasemobOk(await easemob.post(`/chatrooms/${id}/users/${newcomer}`));
      expect(await listedCount()).toBe(3);
      expectEasemobOk(await easemob.delete(`/chatrooms/${id}/users/${newcomer}`));
      expect(await listedCount()).toBe(2);
    }
  });

  it("an announcement published in content is what membership's next Mixin conversation shows (the current announcement)", async () => {
    const mixin = new MixinClient(e2e.stack.baseUrl, bot);
    const [owner, participant] = await Promise.all([
      createNetworkUser(mixin, 'Owner'),
      createNetworkUser(mixin, 'Participant'),
    ]);
    const created = await createConversation(mixin, owner, [participant], 'ryw');
    const conversationId = created.conversation_id;
    expect(created.announcement).toBe('');
    for (let round = 0; round < ROUNDS; round++) {
      const written = expectMixinOk(
        await mixin.as(owner).post(`/conversations/${conversationId}`, { body: { announcement: `news ${round}` } }),
      );
      expect(written.announcement).toBe(`news ${round}`);
      const read = expectMixinOk(await mixin.as(participant).get(`/conversations/${conversationId}`));
      expect(read.announcement).toBe(`news ${round}`);
    }
  });
});
