// The role routes of /group through the real built stack: admin/add (4.1), admin/remove (4.2),
// admin_list (4.3) and transfer (4.50).
import { expectEventually } from '@cohort/testing';

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
import { done, failed, MEMBER_PROFILE_KEYS, MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';

const UNKNOWN_GROUP = 4_000_000_000_999;

describe('/group role routes', () => {
  const e2e = useGroupStack('group-roles', { api: (baseUrl) => new MembershipApi(baseUrl) });
  const { owner, member, outsider } = e2e.users;

  const roles = (groupId: number) => e2e.db.roles(groupId);
  /** A group of the owner with `others` as members. */
  const groupWith = (others: string[]) => e2e.api.createGroup(e2e.tokens.owner, { user_list: others });
  const adminCall = (
    method: string,
    endpoint: 'add' | 'remove',
    token: string,
    groupId: number,
    userList: unknown[],
    actAs?: string,
  ) => e2e.api.groupCall(method, `admin/${endpoint}`, token, groupId, { user_list: userList }, actAs);

  describe('POST /group/admin/add (4.1)', () => {
    it('answers one result per user in request order (code 200 with failed items); members become admins', async () => {
      const [m1, m2] = [newUserId(), newUserId()];
      const g = await groupWith([m1, m2, member]);
      const res = await adminCall('POST', 'add', e2e.tokens.owner, g.group_id, [Number(m1), outsider, owner, m2]);
      expectOk(res, [done(m1), failed(outsider, 'not_member'), failed(owner, 'owner_protected'), done(m2)]);
      expect(await roles(g.group_id)).toEqual({ [owner]: 'owner', [m1]: 'admin', [m2]: 'admin', [member]: 'member' });
      // Already an admin: done again, nothing else changes.
      expectOk(await adminCall('POST', 'add', e2e.tokens.owner, g.group_id, [m1]), [done(m1)]);
      expect((await roles(g.group_id))[m1]).toBe('admin');
    });

    it("the app admin without user_id adds; acting as a user it has only that user's rights", async () => {
      const [a1, m1] = [newUserId(), newUserId()];
      const g = await groupWith([a1, m1]);
      expectOk(await adminCall('POST', 'add', e2e.tokens.app, g.group_id, [a1]), [done(a1)]);
      await expectUnchanged(
        () => roles(g.group_id),
        async () => {
          expectForbidden(await adminCall('POST', 'add', e2e.tokens.app, g.group_id, [m1], a1));
          expectNotMember(await adminCall('POST', 'add', e2e.tokens.app, g.group_id, [m1], outsider));
        },
      );
      expectOk(await adminCall('POST', 'add', e2e.tokens.app, g.group_id, [m1], owner), [done(m1)]);
    });

    it('only the owner adds admins: an admin or a member → 403 forbidden, an outsider → 403 not_member', async () => {
      const [a1, m1] = [newUserId(), newUserId()];
      const a1Token = await e2e.api.token(a1);
      const g = await groupWith([a1, m1, member]);
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [a1]);
      await expectUnchanged(
        () => roles(g.group_id),
        async () => {
          expectForbidden(await adminCall('POST', 'add', a1Token, g.group_id, [m1]));
          expectForbidden(await adminCall('POST', 'add', e2e.tokens.member, g.group_id, [m1]));
          expectNotMember(await adminCall('POST', 'add', e2e.tokens.outsider, g.group_id, [m1]));
        },
      );
      expectGroupNotFound(await adminCall('POST', 'add', e2e.tokens.owner, UNKNOWN_GROUP, [m1]));
    });

    it('at most 99 admins: 99 at once pass, one more → 409 too_many_admins; more than 99 in a call → 400 naming user_list', async () => {
      const users = Array.from({ length: 101 }, () => newUserId());
      const g = await groupWith(users);
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, users.slice(0, 99));
      await expectUnchanged(
        () => roles(g.group_id),
        async () => {
          expectGroupError(
            await adminCall('POST', 'add', e2e.tokens.owner, g.group_id, [users[99]]),
            409,
            'too_many_admins',
          );
          expectGroupError(
            await adminCall('POST', 'add', e2e.tokens.app, g.group_id, [users[99], users[100]]),
            409,
            'too_many_admins',
          );
          expectInvalid(await adminCall('POST', 'add', e2e.tokens.owner, g.group_id, users.slice(1)), 'user_list');
        },
      );
      expect(Object.values(await roles(g.group_id)).filter((role) => role === 'admin')).toHaveLength(99);
      // An admin who steps down frees a place.
      expectOk(await adminCall('DELETE', 'remove', e2e.tokens.owner, g.group_id, [users[0]]), [done(users[0])]);
      expectOk(await adminCall('POST', 'add', e2e.tokens.owner, g.group_id, [users[99]]), [done(users[99])]);
    });

    it('a bad user_list or group_id → 400 naming it', async () => {
      const g = await groupWith([member]);
      expectInvalid(await adminCall('POST', 'add', e2e.tokens.owner, g.group_id, ['bob']), 'user_list');
      expectInvalid(await adminCall('POST', 'add', e2e.tokens.owner, g.group_id, []), 'user_list');
      expectInvalid(await e2e.api.groupCall('POST', 'admin/add', e2e.tokens.owner, g.group_id, {}), 'user_list');
      expectInvalid(
        await e2e.api.groupCall('POST', 'admin/add', e2e.tokens.owner, 'g1', { user_list: [member] }),
        'group_id',
      );
    });
  });

  describe('DELETE·POST /group/admin/remove (4.2)', () => {
    it.each(['DELETE', 'POST'])(
      '%s: one result per user in request order; admins become members, members stay',
      async (method) => {
        const [a1, a2, m1] = [newUserId(), newUserId(), newUserId()];
        const g = await groupWith([a1, a2, m1]);
        await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [a1, a2]);
        const res = await adminCall(method, 'remove', e2e.tokens.owner, g.group_id, [a1, m1, owner, outsider]);
        expectOk(res, [done(a1), done(m1), failed(owner, 'owner_protected'), failed(outsider, 'not_member')]);
        expect(await roles(g.group_id)).toEqual({ [owner]: 'owner', [a1]: 'member', [a2]: 'admin', [m1]: 'member' });
      },
    );

    it('only the owner (or the app admin) removes admins', async () => {
      const [a1, a2] = [newUserId(), newUserId()];
      const a1Token = await e2e.api.token(a1);
      const g = await groupWith([a1, a2, member]);
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [a1, a2]);
      await expectUnchanged(
        () => roles(g.group_id),
        async () => {
          expectForbidden(await adminCall('DELETE', 'remove', a1Token, g.group_id, [a2]));
          expectForbidden(await adminCall('POST', 'remove', e2e.tokens.app, g.group_id, [a2], member));
          expectNotMember(await adminCall('DELETE', 'remove', e2e.tokens.outsider, g.group_id, [a2]));
        },
      );
      expectOk(await adminCall('POST', 'remove', e2e.tokens.app, g.group_id, [a2]), [done(a2)]);
      expect((await roles(g.group_id))[a2]).toBe('member');
    });

    it('more than 99 users → 400 naming user_list', async () => {
      const g = await groupWith([member]);
      expectInvalid(
        await adminCall(
          'DELETE',
          'remove',
          e2e.tokens.owner,
          g.group_id,
          Array.from({ length: 100 }, () => newUserId()),
        ),
        'user_list',
      );
    });
  });

  describe('GET /group/admin_list (4.3)', () => {
    let g: GroupInfo;
    const [a1, a2] = [newUserId(), newUserId()];

    beforeAll(async () => {
      g = await groupWith([a1, a2, member]);
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [a2, a1]);
    });

    const adminList = (token: string, groupId: number | string = g.group_id, actAs?: string) =>
      e2e.api.groupGet('admin_list', token, { group_id: groupId }, actAs);

    it('answers the owner first, then the admins, as member profiles; any member reads it', async () => {
      const res = await adminList(e2e.tokens.member);
      expectOk(res);
      const ids = res.body.data.map((p: { user_id: number }) => p.user_id);
      expect(ids[0]).toBe(Number(owner));
      expect([...ids].sort()).toEqual([owner, a1, a2].map(Number).sort());
      for (const profile of res.body.data) {
        expect(Object.keys(profile).sort()).toEqual(MEMBER_PROFILE_KEYS);
        expect(profile).toMatchObject({ display_name: '', expired_time: 0, join_time: expect.any(Number) });
      }
      const asApp = await adminList(e2e.tokens.app);
      expectOk(asApp, res.body.data);
    });

    it('a group without admins lists its owner', async () => {
      const lone = await groupWith([member]);
      const res = await adminList(e2e.tokens.owner, lone.group_id);
      expectOk(res, [{ display_name: '', expired_time: 0, join_time: expect.any(Number), user_id: Number(owner) }]);
    });

    it('an outsider → 403 not_member; unknown group → 404; bad group_id → 400', async () => {
      expectNotMember(await adminList(e2e.tokens.outsider));
      expectNotMember(await adminList(e2e.tokens.app, g.group_id, outsider));
      expectGroupNotFound(await adminList(e2e.tokens.owner, UNKNOWN_GROUP));
      expectInvalid(await adminList(e2e.tokens.owner, 'x'), 'group_id');
    });
  });

  describe('PUT·POST /group/transfer (4.50)', () => {
    const transfer = (method: string, token: string, groupId: number, newOwner: unknown, actAs?: string) =>
      e2e.api.groupCall(method, 'transfer', token, groupId, { new_owner: newOwner }, actAs);

    it.each(['PUT', 'POST'])(
      '%s hands the group to a member: the old owner stays as a member, the info names the new owner',
      async (method) => {
        const heir = newUserId();
        const g = await groupWith([heir, member]);
        expectOk(await transfer(method, e2e.tokens.owner, g.group_id, Number(heir)), done(heir));
        expect(await roles(g.group_id)).toEqual({ [heir]: 'owner', [owner]: 'member', [member]: 'member' });
        await expectEventually(async () =>
          expect((await e2e.api.info(e2e.tokens.owner, g.group_id)).owner_id).toBe(Number(heir)),
        );
        const admins = await e2e.api.groupGet('admin_list', e2e.tokens.member, { group_id: g.group_id });
        expectOk(admins, [expect.objectContaining({ user_id: Number(heir) })]);
      },
    );

    it('an admin becomes owner; then the old owner can leave, the new owner cannot, and may destroy the group', async () => {
      const heir = newUserId();
      const heirToken = await e2e.api.token(heir);
      const g = await groupWith([heir, member]);
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [heir]);
      expectOk(await transfer('PUT', e2e.tokens.owner, g.group_id, heir), done(heir));
      expect(await roles(g.group_id)).toEqual({ [heir]: 'owner', [owner]: 'member', [member]: 'member' });

      // The old owner has a member's rights now.
      expectForbidden(await transfer('PUT', e2e.tokens.owner, g.group_id, member));
      expectForbidden(await adminCall('POST', 'add', e2e.tokens.owner, g.group_id, [member]));
      expectGroupError(
        await e2e.api.call('DELETE', '/group/leave', { token: heirToken, query: { group_id: g.group_id } }),
        403,
        'owner_protected',
      );
      expectOk(
        await e2e.api.call('DELETE', '/group/leave', { token: e2e.tokens.owner, query: { group_id: g.group_id } }),
        true,
      );

      await expectEventually(async () => {
        expectOk(
          await e2e.api.call('DELETE', '/group/destroy', { token: heirToken, query: { group_id: g.group_id } }),
          true,
        );
      });
      expectGroupNotFound(await e2e.api.getInfo(heirToken, g.group_id));
      expectGroupNotFound(await transfer('PUT', heirToken, g.group_id, member));
    });

    it('the new owner must be a member → 403 not_member; only the owner transfers → 403 forbidden', async () => {
      const [a1] = [newUserId()];
      const a1Token = await e2e.api.token(a1);
      const g = await groupWith([a1, member]);
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [a1]);
      await expectUnchanged(
        () => roles(g.group_id),
        async () => {
          expectNotMember(await transfer('PUT', e2e.tokens.owner, g.group_id, outsider));
          expectForbidden(await transfer('PUT', a1Token, g.group_id, a1));
          expectForbidden(await transfer('POST', e2e.tokens.member, g.group_id, member));
          expectForbidden(await transfer('POST', e2e.tokens.app, g.group_id, a1, a1));
          expectNotMember(await transfer('PUT', e2e.tokens.outsider, g.group_id, outsider));
        },
      );
      expectGroupNotFound(await transfer('PUT', e2e.tokens.owner, UNKNOWN_GROUP, member));
    });

    it('the app admin without user_id transfers', async () => {
      const heir = newUserId();
      const g = await groupWith([heir]);
      expectOk(await transfer('POST', e2e.tokens.app, g.group_id, heir), done(heir));
      expect(await roles(g.group_id)).toEqual({ [heir]: 'owner', [owner]: 'member' });
    });

    it('new_owner missing or not an int64 → 400 naming new_owner, nothing changed', async () => {
      const g = await groupWith([member]);
      await expectUnchanged(
        () => roles(g.group_id),
        async () => {
          expectInvalid(await transfer('PUT', e2e.tokens.owner, g.group_id, 'bob'), 'new_owner');
          expectInvalid(await transfer('PUT', e2e.tokens.owner, g.group_id, undefined), 'new_owner');
          expectInvalid(await transfer('POST', e2e.tokens.owner, g.group_id, 1.5), 'new_owner');
        },
      );
    });
  });
});
