// The blocklist of /group through the real built stack: block (4.14), unblock (4.52) and
// blocked_list (4.15); a blocked member is out before the answer, kept out of every way in
// (apply, invite, QR invite, Easemob's direct add, Mixin's invite code) and cannot read a chatroom,
// until unblocked.
import { randomUUID } from 'node:crypto';

import { createChatroom, EasemobClient, expectEasemobError } from './easemob-e2e.helpers';
import {
  expectForbidden,
  expectGroupError,
  expectGroupNotFound,
  expectInvalid,
  expectNotMember,
  expectOk,
  expectUnchanged,
  type HttpResult,
  newUserId,
} from './group-e2e.helpers';
import { done, expectPage, failed, MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';
import { expectMixinError, expectMixinOk, MixinClient } from './mixin-e2e.helpers';

const UNKNOWN_GROUP = 4_000_000_004_444;

const expectBlocked = (res: HttpResult) => expectGroupError(res, 403, 'blocked');

describe('/group blocklist', () => {
  const e2e = useGroupStack('group-blocks', { api: (baseUrl) => new MembershipApi(baseUrl) });
  const { owner, member, outsider } = e2e.users;

  const groupWith = (others: string[] = [], type = 0) =>
    e2e.api.createGroup(e2e.tokens.owner, { type, user_list: [member, ...others] });
  const block = (token: string, groupId: number | string, userList: unknown[], actAs?: string) =>
    e2e.api.groupCall('POST', 'block', token, groupId, { user_list: userList }, actAs);
  const unblock = (token: string, groupId: number | string, userList: unknown[], method = 'DELETE') =>
    e2e.api.groupCall(method, 'unblock', token, groupId, { user_list: userList });
  const blockedList = (
    token: string,
    groupId: number | string,
    query: Record<string, string | number | undefined> = {},
  ) => e2e.api.groupGet('blocked_list', token, { group_id: groupId, ...query });
  /** The blocked user ids, as the owner reads them (first page). */
  const blocked = async (groupId: number | string): Promise<string[]> => {
    const res = await blockedList(e2e.tokens.owner, groupId);
    expectPage(res);
    return res.body.data.map((b: { user_id: number }) => String(b.user_id));
  };
  const memberIds = (groupId: number | string) => e2e.api.memberIds(e2e.tokens.owner, groupId);

  describe('POST /group/block (4.14)', () => {
    it('blocks members: a result per user in request order; they are out of the group when the answer comes; blocked_list shows them', async () => {
      const [m1, m2] = [newUserId(), newUserId()];
      const g = await groupWith([m1, m2]);
      const before = Date.now();
      expectOk(await block(e2e.tokens.owner, g.group_id, [Number(m2), m1]), [done(m2), done(m1)]);
      expect((await memberIds(g.group_id)).sort()).toEqual([owner, member].sort());
      const res = await blockedList(e2e.tokens.owner, g.group_id);
      expectPage(res);
      expect(res.body.total).toBe(2);
      for (const entry of res.body.data) {
        expect(Object.keys(entry).sort()).toEqual(['created_at', 'group_id', 'user_id']);
        expect(entry.group_id).toBe(g.group_id);
        expect(Date.parse(entry.created_at)).toBeGreaterThanOrEqual(before - 1000);
      }
      expect(res.body.data.map((b: { user_id: number }) => String(b.user_id)).sort()).toEqual([m1, m2].sort());
      for (const userId of [m1, m2]) {
        expect(await e2e.db.member(g.group_id, userId)).toBeNull();
        expect(await e2e.db.standing(g.group_id, userId)).toMatchObject({ block: { value: true, by: owner } });
      }
    });

    it('never the owner (owner_protected); admins block members but not other admins; outsiders too (they stay out)', async () => {
      const [a1, a2, m1] = [newUserId(), newUserId(), newUserId()];
      const [a1Token] = await e2e.api.tokensOf([a1]);
      const g = await groupWith([a1, a2, m1]);
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [a1, a2]);
      expectOk(await block(a1Token, g.group_id, [m1, a2, owner, outsider]), [
        done(m1),
        failed(a2, 'forbidden'),
        failed(owner, 'owner_protected'),
        done(outsider),
      ]);
      expect((await blocked(g.group_id)).sort()).toEqual([m1, outsider].sort());
      expect(await memberIds(g.group_id)).toEqual(expect.arrayContaining([owner, a1, a2]));
    });

    it('a plain member → code 403 forbidden and an outsider → 403 not_member: nothing changes', async () => {
      const m1 = newUserId();
      const g = await groupWith([m1]);
      await expectUnchanged(
        async () => [await blocked(g.group_id), await memberIds(g.group_id)],
        async () => {
          expectForbidden(await block(e2e.tokens.member, g.group_id, [m1]));
          expectNotMember(await block(e2e.tokens.outsider, g.group_id, [m1]));
        },
      );
    });

    it('more than 1,000 users, no users, a bad id → code 400 naming user_list; an unknown group → 404', async () => {
      const g = await groupWith();
      const tooMany = Array.from({ length: 1001 }, () => newUserId());
      expectInvalid(await block(e2e.tokens.owner, g.group_id, tooMany), 'user_list');
      expectInvalid(await block(e2e.tokens.owner, g.group_id, []), 'user_list');
      expectInvalid(await block(e2e.tokens.owner, g.group_id, ['not-a-number']), 'user_list');
      expectGroupNotFound(await block(e2e.tokens.owner, UNKNOWN_GROUP, [member]));
      expect(await blocked(g.group_id)).toEqual([]);
    });
  });

  describe('a blocked user is kept out of every way in, until unblocked', () => {
    it('apply, invite and QR invite fail with blocked; unblocking (DELETE or POST) lets them in again', async () => {
      const m1 = newUserId();
      const [m1Token] = await e2e.api.tokensOf([m1]);
      const g = await groupWith([m1]);
      await e2e.api.setApplyApproval(e2e.tokens.owner, g.group_id, 0);
      expectOk(await block(e2e.tokens.owner, g.group_id, [m1]), [done(m1)]);

      expectBlocked(await e2e.api.groupCall('POST', 'apply', m1Token, g.group_id, { reason: 'again' }));
      expectOk(await e2e.api.groupCall('POST', 'invite', e2e.tokens.owner, g.group_id, { user_list: [m1] }), [
        failed(m1, 'blocked'),
      ]);
      const qr = await e2e.api.groupGet('qrcode/sign', e2e.tokens.owner, { group_id: g.group_id });
      expectOk(qr);
      expectBlocked(
        await e2e.api.post('/group/qrcode/invite', { token: m1Token, body: { qr_info: qr.body.data.qr_info } }),
      );
      expect(await memberIds(g.group_id)).not.toContain(m1);

      expectOk(await unblock(e2e.tokens.owner, g.group_id, [m1], 'POST'), [done(m1)]);
      expect(await blocked(g.group_id)).toEqual([]);
      expectOk(await e2e.api.groupCall('POST', 'apply', m1Token, g.group_id, { reason: 'again' }));
      expect(await memberIds(g.group_id)).toContain(m1);
    });

    it("Easemob's direct add of a blocked user to a chatroom → 403; after unblocking it works", async () => {
      const m1 = newUserId();
      const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member, m1]);
      const easemob = new EasemobClient(e2e.stack.baseUrl);
      expectOk(await block(e2e.tokens.app, room, [m1]), [done(m1)]);
      expectEasemobError(await easemob.post(`/chatrooms/${room}/users/${m1}`), 403, 'forbidden_op');
      expectOk(await unblock(e2e.tokens.app, room, [m1]), [done(m1)]);
      expect((await easemob.post(`/chatrooms/${room}/users/${m1}`)).status).toBe(200);
    });

    it("joining by invite code (the Mixin dialect's) fails with blocked, until unblocked", async () => {
      const mixin = new MixinClient(e2e.stack.baseUrl);
      const id = randomUUID();
      const created = expectMixinOk(
        await mixin.post('/conversations', {
          as: { token: e2e.tokens.owner },
          body: { category: 'GROUP', conversation_id: id, name: 'coded', participants: [{ user_id: member }] },
        }),
      );
      expectOk(await block(e2e.tokens.owner, id, [member]), [done(member)]);
      expectMixinError(
        await mixin.post(`/conversations/${String(created.code_id)}/join`, { as: { token: e2e.tokens.member } }),
        403,
        /blocked/,
      );
      expectOk(await unblock(e2e.tokens.owner, id, [member]), [done(member)]);
      expectMixinOk(
        await mixin.post(`/conversations/${String(created.code_id)}/join`, { as: { token: e2e.tokens.member } }),
      );
      expect(await memberIds(id)).toContain(member);
    });

    it('cannot read a chatroom (info, member list, mutes, blocklist) while anyone else in the app can', async () => {
      const m1 = newUserId();
      const [m1Token] = await e2e.api.tokensOf([m1]);
      const room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member, m1]);
      expectOk(await block(e2e.tokens.owner, room, [m1]), [done(m1)]);
      expectBlocked(await e2e.api.getInfo(m1Token, room));
      expectBlocked(await e2e.api.groupGet('member_list', m1Token, { group_id: room }));
      expectBlocked(await e2e.api.groupGet('banned_list', m1Token, { group_id: room }));
      expectBlocked(await blockedList(m1Token, room));
      expectOk(await e2e.api.getInfo(e2e.tokens.outsider, room));
      expectPage(await e2e.api.groupGet('member_list', e2e.tokens.outsider, { group_id: room }));
      const batch = await e2e.api.post('/group/info/batch', { token: m1Token, body: { group_list: [room] } });
      expectOk(batch, []);
      expectOk(await unblock(e2e.tokens.owner, room, [m1]), [done(m1)]);
      expectOk(await e2e.api.getInfo(m1Token, room));
    });
  });

  describe('DELETE·POST /group/unblock (4.52) and GET /group/blocked_list (4.15)', () => {
    it('unblocking someone not blocked succeeds; members cannot unblock; the list pages in the order users were blocked', async () => {
      const users = [newUserId(), newUserId(), newUserId()];
      const g = await groupWith(users);
      for (const userId of users) expectOk(await block(e2e.tokens.owner, g.group_id, [userId]), [done(userId)]);
      expectOk(await unblock(e2e.tokens.owner, g.group_id, [outsider]), [done(outsider)]);
      expectForbidden(await unblock(e2e.tokens.member, g.group_id, [users[0]]));

      const first = await blockedList(e2e.tokens.member, g.group_id, { limit: 2 });
      expectPage(first);
      expect(first.body.total).toBe(3);
      const second = await blockedList(e2e.tokens.member, g.group_id, { limit: 2, cursor: first.body.cursor });
      expectPage(second);
      expect(second.body.cursor).toBe('');
      expect([...first.body.data, ...second.body.data].map((b: { user_id: number }) => String(b.user_id))).toEqual(
        users,
      );
      expectNotMember(await blockedList(e2e.tokens.outsider, g.group_id));
    });
  });
});
