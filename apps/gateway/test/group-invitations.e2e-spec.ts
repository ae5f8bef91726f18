// Invitations and QR invites through the real built stack: invite (4.31), invitation_list (4.30),
// invite/handle (4.32), qrcode/sign (4.41) and qrcode/invite (4.40).
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
import { done, expectAWeekAfter, expectPage, failed, MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';
import { groupKey } from './stack-db';

const UNKNOWN_GROUP = 4_000_000_002_222;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Invitation = {
  expired_time: number;
  group_id: number;
  invitee_id: number;
  inviter_id: number | string;
  reason: string;
  status: number;
  updated_at: string;
};

describe('/group invitations and QR invites', () => {
  const e2e = useGroupStack('group-invitations', { api: (baseUrl) => new MembershipApi(baseUrl) });
  const { owner, member } = e2e.users;
  const admin = newUserId();
  let adminToken: string;
  /** owner, admin and member; member_invite off. */
  let g: GroupInfo;

  beforeAll(async () => {
    adminToken = await e2e.api.token(admin);
    g = await e2e.api.createGroup(e2e.tokens.owner, { name: 'invites', user_list: [member, admin] });
    await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [admin]);
  });

  const roles = (groupId: number = g.group_id) => e2e.db.roles(groupId);
  const invite = (
    token: string,
    userList: unknown[],
    fields: Record<string, unknown> = {},
    actAs?: string,
    groupId: number = g.group_id,
  ) => e2e.api.groupCall('POST', 'invite', token, groupId, { user_list: userList, ...fields }, actAs);
  const answer = (
    method: string,
    token: string,
    fields: Record<string, unknown>,
    actAs?: string,
    groupId: number = g.group_id,
  ) => e2e.api.groupCall(method, 'invite/handle', token, groupId, fields, actAs);
  const invitations = (token: string, query: Record<string, string | number | undefined> = {}, actAs?: string) =>
    e2e.api.groupGet('invitation_list', token, query, actAs);
  /** The invitations `token`'s user received; asserts the page. */
  const received = async (token: string): Promise<Invitation[]> => {
    const res = await invitations(token);
    expectPage(res);
    return res.body.data;
  };
  const setMemberInvite = async (value: boolean) => {
    expectOk(
      await e2e.api.groupCall('PUT', 'settings/allow_member_invitation', e2e.tokens.owner, g.group_id, { value }),
      true,
    );
  };
  const newInvitee = async () => {
    const id = newUserId();
    return { id, token: await e2e.api.token(id) };
  };

  describe('POST /group/invite (4.31)', () => {
    it('answers one result per user in request order: members fail already_member, the others are invited', async () => {
      const [u1, u2] = [newUserId(), newUserId()];
      const res = await invite(e2e.tokens.owner, [u1, member, Number(u2), owner], { reason: 'join us' });
      expectOk(res, [done(u1), failed(member, 'already_member'), done(u2), failed(owner, 'already_member')]);
      // Invited is not joined.
      expect(await roles()).toEqual({ [owner]: 'owner', [admin]: 'admin', [member]: 'member' });
      const stored = await e2e.db.invitations.find({ ...groupKey(g.group_id), inviteeId: { $in: [u1, u2] } }).toArray();
      expect(stored.map((i) => [i.inviteeId, i.inviterId, i.status, i.reason]).sort()).toEqual([
        [u1, owner, 0, 'join us'],
        [u2, owner, 0, 'join us'],
      ]);
    });

    it('admins invite; plain members only with allow_member_invitation; outsiders never', async () => {
      const u = newUserId();
      expectOk(await invite(adminToken, [u]), [done(u)]);
      expectOk(await invite(e2e.tokens.app, [u], {}, admin), [done(u)]);
      expectForbidden(await invite(e2e.tokens.member, [u]));
      expectForbidden(await invite(e2e.tokens.app, [u], {}, member));
      expectNotMember(await invite(e2e.tokens.outsider, [u]));
      await setMemberInvite(true);
      try {
        expectOk(await invite(e2e.tokens.member, [u]), [done(u)]);
      } finally {
        await setMemberInvite(false);
      }
      expectForbidden(await invite(e2e.tokens.member, [u]));
      expectGroupNotFound(await invite(e2e.tokens.owner, [u], {}, undefined, UNKNOWN_GROUP));
    });

    it('more than 1,000 users → 400 naming user_list; a reason over 256 characters → 400 naming reason; nothing stored', async () => {
      const count = () => e2e.db.invitations.countDocuments(groupKey(g.group_id));
      await expectUnchanged(count, async () => {
        expectInvalid(
          await invite(
            e2e.tokens.owner,
            Array.from({ length: 1001 }, () => newUserId()),
          ),
          'user_list',
        );
        expectInvalid(await invite(e2e.tokens.owner, ['carol']), 'user_list');
        expectInvalid(await invite(e2e.tokens.owner, []), 'user_list');
        expectInvalid(await invite(e2e.tokens.owner, [newUserId()], { reason: 'r'.repeat(257) }), 'reason');
      });
      const sixty = Array.from({ length: 60 }, () => newUserId());
      expectOk(
        await invite(e2e.tokens.owner, sixty),
        sixty.map((id) => done(id)),
      );
    });
  });

  describe('GET /group/invitation_list (4.30)', () => {
    it('the invitee sees what it received: ids as numbers, expired_time in ms a week on, updated_at an ISO-8601 string', async () => {
      const invitee = await newInvitee();
      const before = Date.now();
      expectOk(await invite(adminToken, [invitee.id], { reason: 'welcome' }), [done(invitee.id)]);
      const [invitation, ...others] = await received(invitee.token);
      expect(others).toEqual([]);
      expect(invitation).toEqual({
        expired_time: expect.any(Number),
        group_id: g.group_id,
        invitee_id: Number(invitee.id),
        inviter_id: Number(admin),
        reason: 'welcome',
        status: 0,
        updated_at: expect.stringMatching(ISO_8601),
      });
      expectAWeekAfter(invitation.expired_time, before);
      expect(Date.parse(invitation.updated_at)).toBeGreaterThanOrEqual(before - 5_000);
      expect(Date.parse(invitation.updated_at)).toBeLessThanOrEqual(Date.now() + 5_000);
      // The app admin acting as the invitee sees the same.
      expectPage(await invitations(e2e.tokens.app, {}, invitee.id), [invitation]);
    });

    it("with group_id, the group's owner and admins see its invitations; a member → 403 forbidden, an outsider → 403 not_member", async () => {
      const u = newUserId();
      expectOk(await invite(e2e.tokens.owner, [u]), [done(u)]);
      const res = await invitations(adminToken, { group_id: g.group_id, limit: 100 });
      expectPage(res);
      expect(res.body.total).toBeGreaterThanOrEqual(1);
      for (const invitation of res.body.data) expect(invitation.group_id).toBe(g.group_id);
      const all = await invitations(e2e.tokens.app, { group_id: g.group_id, limit: 1000 });
      expect(all.body.total).toBe(res.body.total);
      expectForbidden(await invitations(e2e.tokens.member, { group_id: g.group_id }));
      expectForbidden(await invitations(e2e.tokens.app, { group_id: g.group_id }, member));
      expectNotMember(await invitations(e2e.tokens.outsider, { group_id: g.group_id }));
      expectGroupNotFound(await invitations(e2e.tokens.owner, { group_id: UNKNOWN_GROUP }));
    });

    it('pages with limit and cursor, total counting them all', async () => {
      const invitee = await newInvitee();
      const groups = await Promise.all([1, 2, 3].map(() => e2e.api.createGroup(e2e.tokens.owner, {})));
      for (const group of groups)
        expectOk(await invite(e2e.tokens.owner, [invitee.id], {}, undefined, group.group_id), [done(invitee.id)]);
      const first = await invitations(invitee.token, { limit: 2 });
      expectPage(first);
      expect(first.body).toMatchObject({ total: 3 });
      expect(first.body.data).toHaveLength(2);
      expect(first.body.cursor).not.toBe('');
      const second = await invitations(invitee.token, { limit: 2, cursor: first.body.cursor });
      expectPage(second);
      expect(second.body).toMatchObject({ total: 3, cursor: '' });
      const seen = [...first.body.data, ...second.body.data].map((i: Invitation) => i.group_id);
      expect(seen.sort()).toEqual(groups.map((group) => group.group_id).sort());
    });

    it('limit 0 → 400 naming limit; a bad group_id → 400; the app admin without user_id or group_id → 400 naming user_id', async () => {
      expectInvalid(await invitations(e2e.tokens.member, { limit: 0 }), 'limit');
      expectInvalid(await invitations(e2e.tokens.owner, { group_id: 'g1' }), 'group_id');
      expectInvalid(await invitations(e2e.tokens.app), 'user_id');
    });
  });

  describe('PUT·POST /group/invite/handle (4.32)', () => {
    it.each(['PUT', 'POST'])(
      "%s accepting the inviter's invitation joins; it then reads accepted with a newer updated_at",
      async (method) => {
        const invitee = await newInvitee();
        expectOk(await invite(adminToken, [invitee.id]), [done(invitee.id)]);
        const [pending] = await received(invitee.token);
        expectOk(await answer(method, invitee.token, { user_id: Number(admin), approval: true }), true);
        expect((await roles())[invitee.id]).toBe('member');
        const [accepted] = await received(invitee.token);
        expect(accepted).toMatchObject({ group_id: g.group_id, inviter_id: Number(admin), status: 1 });
        expect(Date.parse(accepted.updated_at)).toBeGreaterThanOrEqual(Date.parse(pending.updated_at));
        // Answered once: nothing is pending any more.
        expectGroupError(await answer(method, invitee.token, { user_id: admin, approval: true }), 404, 'not_found');
      },
    );

    it('declining without user_id answers every pending invitation to the group; nobody joins', async () => {
      const invitee = await newInvitee();
      expectOk(await invite(adminToken, [invitee.id]), [done(invitee.id)]);
      expectOk(await invite(e2e.tokens.owner, [invitee.id]), [done(invitee.id)]);
      expectOk(await answer('PUT', invitee.token, { approval: false }), true);
      expect(await roles()).not.toHaveProperty(invitee.id);
      const list = await received(invitee.token);
      expect(list.map((i) => [String(i.inviter_id), i.status]).sort()).toEqual(
        [
          [admin, 2],
          [owner, 2],
        ].sort(),
      );
      expectGroupError(await answer('PUT', invitee.token, { approval: true }), 404, 'not_found');
    });

    it("user_id equal to the caller's own id answers all of them too (the app admin acting as the invitee)", async () => {
      const invitee = await newInvitee();
      expectOk(await invite(adminToken, [invitee.id]), [done(invitee.id)]);
      expectOk(await invite(e2e.tokens.owner, [invitee.id]), [done(invitee.id)]);
      expectOk(await answer('POST', e2e.tokens.app, { user_id: invitee.id, approval: true }, invitee.id), true);
      expect((await roles())[invitee.id]).toBe('member');
      expect((await received(invitee.token)).map((i) => i.status)).toEqual([1, 1]);
    });

    it("answering one inviter leaves the other's invitation pending", async () => {
      const invitee = await newInvitee();
      expectOk(await invite(adminToken, [invitee.id]), [done(invitee.id)]);
      expectOk(await invite(e2e.tokens.owner, [invitee.id]), [done(invitee.id)]);
      expectOk(await answer('PUT', invitee.token, { user_id: owner, approval: false }), true);
      const list = await received(invitee.token);
      expect(list.map((i) => [String(i.inviter_id), i.status]).sort()).toEqual(
        [
          [admin, 0],
          [owner, 2],
        ].sort(),
      );
    });

    it('no invitation from that inviter → 404 not_found (absent approval declines); a bad approval or user_id → 400 naming it; unknown group → 404', async () => {
      const invitee = await newInvitee();
      expectGroupError(await answer('PUT', invitee.token, { user_id: owner, approval: true }), 404, 'not_found');
      expectGroupError(await answer('PUT', invitee.token, { user_id: owner }), 404, 'not_found');
      expectInvalid(await answer('POST', invitee.token, { user_id: owner, approval: 'yes' }), 'approval');
      expectInvalid(await answer('PUT', invitee.token, { user_id: 'bob', approval: true }), 'user_id');
      expectGroupNotFound(await answer('PUT', invitee.token, { approval: true }, undefined, UNKNOWN_GROUP));
      // The app admin naming no user answers as the group's owner, who was invited by nobody.
      expectGroupError(await answer('PUT', e2e.tokens.app, { approval: true }), 404, 'not_found');
    });
  });

  describe('QR invites: GET /group/qrcode/sign (4.41), POST /group/qrcode/invite (4.40)', () => {
    const sign = (token: string, groupId: number | string = g.group_id, actAs?: string) =>
      e2e.api.groupGet('qrcode/sign', token, { group_id: groupId }, actAs);
    const redeem = (token: string, qrInfo: unknown, actAs?: string) =>
      e2e.api.post('/group/qrcode/invite', {
        token,
        body: { qr_info: qrInfo },
        headers: actAs ? { user_id: actAs } : {},
      });
    const signed = async (token: string, groupId: number = g.group_id): Promise<string> => {
      const res = await sign(token, groupId);
      expectOk(res);
      return res.body.data.qr_info;
    };

    it('an admin signs {create_at, expire_at a week on, qr_info}; another user redeems it → {} and is a member; again → 409 already_member', async () => {
      const before = Date.now();
      const res = await sign(adminToken);
      expectOk(res, { create_at: expect.any(Number), expire_at: expect.any(Number), qr_info: expect.any(String) });
      const { create_at: createAt, expire_at: expireAt, qr_info: qrInfo } = res.body.data;
      expect(createAt).toBeGreaterThanOrEqual(before - 5_000);
      expect(createAt).toBeLessThanOrEqual(Date.now() + 5_000);
      expectAWeekAfter(expireAt, before);
      const joiner = await newInvitee();
      expectOk(await redeem(joiner.token, qrInfo), {});
      expect((await roles())[joiner.id]).toBe('member');
      expectGroupError(await redeem(joiner.token, qrInfo), 409, 'already_member');
      // The same code serves others too (the app admin acting as one).
      const other = newUserId();
      expectOk(await redeem(e2e.tokens.app, qrInfo, other), {});
      expect((await roles())[other]).toBe('member');
    });

    it('members sign only with allow_member_invitation; outsiders never; unknown group → 404', async () => {
      expectForbidden(await sign(e2e.tokens.member));
      expectForbidden(await sign(e2e.tokens.app, g.group_id, member));
      expectNotMember(await sign(e2e.tokens.outsider));
      expectGroupNotFound(await sign(e2e.tokens.owner, UNKNOWN_GROUP));
      expectInvalid(await sign(e2e.tokens.owner, 'x'), 'group_id');
      await setMemberInvite(true);
      try {
        expectOk(await sign(e2e.tokens.member));
      } finally {
        await setMemberInvite(false);
      }
      expectOk(await sign(e2e.tokens.app));
    });

    it('a tampered or malformed qr_info → 400 invalid_parameter naming qr_info, nobody joins', async () => {
      const qrInfo = await signed(e2e.tokens.owner);
      const joiner = await newInvitee();
      const tampered = `${qrInfo[0] === 'A' ? 'B' : 'A'}${qrInfo.slice(1)}`;
      await expectUnchanged(
        () => roles(),
        async () => {
          expectInvalid(await redeem(joiner.token, tampered), 'qr_info');
          expectInvalid(await redeem(joiner.token, `${qrInfo}x`), 'qr_info');
          expectInvalid(await redeem(joiner.token, 'not-a-code'), 'qr_info');
          expectInvalid(await redeem(joiner.token, undefined), 'qr_info');
          expectInvalid(await redeem(joiner.token, 42), 'qr_info');
        },
      );
    });

    it('a QR invite of a destroyed group → 404 group_not_found', async () => {
      const doomed = await e2e.api.createGroup(e2e.tokens.owner, {});
      const qrInfo = await signed(e2e.tokens.owner, doomed.group_id);
      expectOk(
        await e2e.api.call('DELETE', '/group/destroy', {
          token: e2e.tokens.owner,
          query: { group_id: doomed.group_id },
        }),
        true,
      );
      expectGroupNotFound(await redeem(e2e.tokens.member, qrInfo));
    });

    it('the app admin without user_id redeems as the group owner → 409 already_member', async () => {
      expectGroupError(await redeem(e2e.tokens.app, await signed(e2e.tokens.owner)), 409, 'already_member');
    });
  });
});
