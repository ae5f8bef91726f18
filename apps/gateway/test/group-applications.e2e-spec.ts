// Applications through the real built stack: apply (4.10), apply/handle (4.11) and
// application_list (4.9), under each apply_approval setting.
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
import { done, expectAWeekAfter, expectPage, MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';

const UNKNOWN_GROUP = 4_000_000_001_111;

describe('/group applications', () => {
  const e2e = useGroupStack('group-applications', { api: (baseUrl) => new MembershipApi(baseUrl) });
  const { member, outsider } = e2e.users;

  const roles = (groupId: number) => e2e.db.roles(groupId);
  const apply = (token: string, groupId: number | string, fields: Record<string, unknown> = {}, actAs?: string) =>
    e2e.api.groupCall('POST', 'apply', token, groupId, fields, actAs);
  const handle = (
    method: string,
    token: string,
    groupId: number,
    applicant: unknown,
    approval: unknown,
    actAs?: string,
  ) => e2e.api.groupCall(method, 'apply/handle', token, groupId, { user_id: applicant, approval }, actAs);
  const applications = (
    token: string,
    groupList: unknown[],
    query: Record<string, string | number | undefined> = {},
    actAs?: string,
  ) =>
    e2e.api.post('/group/application_list', {
      token,
      body: { group_list: groupList },
      query,
      headers: actAs ? { user_id: actAs } : {},
    });
  /** A group of the owner with the fixture's member, applications set to `applyApproval`. */
  const groupApproving = async (applyApproval: 0 | 1 | 2): Promise<GroupInfo> => {
    const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [member] });
    await e2e.api.setApplyApproval(e2e.tokens.owner, g.group_id, applyApproval);
    return g;
  };
  const newApplicant = async () => {
    const id = newUserId();
    return { id, token: await e2e.api.token(id) };
  };

  describe('apply_approval 0: anyone joins at once', () => {
    it('answers {user_id: caller, result: success, reason: ""}; the applicant is a member', async () => {
      const g = await groupApproving(0);
      const applicant = await newApplicant();
      expectOk(await apply(applicant.token, g.group_id, { reason: 'hello' }), done(applicant.id));
      expect((await roles(g.group_id))[applicant.id]).toBe('member');
      expect((await e2e.api.info(applicant.token, g.group_id)).count).toBe(3);
      // The app admin acting as a user applies for that user.
      const other = newUserId();
      expectOk(await apply(e2e.tokens.app, g.group_id, {}, other), done(other));
      expect((await roles(g.group_id))[other]).toBe('member');
    });

    it('a member applying → 409 already_member', async () => {
      const g = await groupApproving(0);
      expectGroupError(await apply(e2e.tokens.member, g.group_id), 409, 'already_member');
    });
  });

  describe('apply_approval 1: an admin decides', () => {
    let g: GroupInfo;
    const admin = newUserId();
    let adminToken: string;

    beforeAll(async () => {
      adminToken = await e2e.api.token(admin);
      g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [member, admin] });
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [admin]);
    });

    it('apply answers reason "pending"; application_list shows it; approving joins, rejecting does not', async () => {
      const [ann, bob] = [await newApplicant(), await newApplicant()];
      const before = Date.now();
      expectOk(await apply(ann.token, g.group_id, { reason: 'let me in' }), done(ann.id, 'pending'));
      expectOk(await apply(bob.token, g.group_id), done(bob.id, 'pending'));
      expect(await roles(g.group_id)).not.toHaveProperty(ann.id);

      const pending = await applications(adminToken, [g.group_id]);
      expectPage(pending);
      const ofAnn = pending.body.data.find((a: { applicant_id: number }) => a.applicant_id === Number(ann.id));
      expect(ofAnn).toEqual({
        applicant_id: Number(ann.id),
        expired_time: expect.any(Number),
        group_id: g.group_id,
        reason: 'let me in',
        status: 0,
      });
      expectAWeekAfter(ofAnn.expired_time, before);
      expect(pending.body.data).toContainEqual(
        expect.objectContaining({ applicant_id: Number(bob.id), reason: '', status: 0 }),
      );

      expectOk(await handle('PUT', adminToken, g.group_id, Number(ann.id), true), done(ann.id));
      expectOk(await handle('POST', e2e.tokens.owner, g.group_id, bob.id, false), done(bob.id));
      const after = await roles(g.group_id);
      expect(after[ann.id]).toBe('member');
      expect(after).not.toHaveProperty(bob.id);

      const decided = await applications(e2e.tokens.owner, [g.group_id]);
      expectPage(decided);
      expect(decided.body.data).toContainEqual(expect.objectContaining({ applicant_id: Number(ann.id), status: 1 }));
      expect(decided.body.data).toContainEqual(expect.objectContaining({ applicant_id: Number(bob.id), status: 2 }));
      // Decided once: a second answer finds nothing pending.
      expectGroupError(await handle('PUT', adminToken, g.group_id, bob.id, true), 404, 'not_found');
    });

    it('the app admin acting as an admin handles: the body user_id is the applicant, not the act-as user', async () => {
      const applicant = await newApplicant();
      expectOk(await apply(applicant.token, g.group_id), done(applicant.id, 'pending'));
      expectOk(await handle('PUT', e2e.tokens.app, g.group_id, applicant.id, true, admin), done(applicant.id));
      expect((await roles(g.group_id))[applicant.id]).toBe('member');
    });

    it('a plain member or an outsider cannot handle or list, nothing changed', async () => {
      const applicant = await newApplicant();
      expectOk(await apply(applicant.token, g.group_id), done(applicant.id, 'pending'));
      await expectUnchanged(
        () => roles(g.group_id),
        async () => {
          expectForbidden(await handle('PUT', e2e.tokens.member, g.group_id, applicant.id, true));
          expectForbidden(await handle('POST', e2e.tokens.app, g.group_id, applicant.id, true, member));
          expectNotMember(await handle('PUT', e2e.tokens.outsider, g.group_id, applicant.id, true));
          expectForbidden(await applications(e2e.tokens.member, [g.group_id]));
          expectNotMember(await applications(e2e.tokens.outsider, [g.group_id]));
        },
      );
      expectOk(await handle('PUT', e2e.tokens.app, g.group_id, applicant.id, false), done(applicant.id));
    });

    it('no pending application of that user → 404 not_found', async () => {
      expectGroupError(await handle('PUT', adminToken, g.group_id, outsider, true), 404, 'not_found');
      expectGroupNotFound(await handle('PUT', adminToken, UNKNOWN_GROUP, outsider, true));
    });

    it('a bad user_id, approval, reason or group_id → 400 naming it', async () => {
      expectInvalid(await handle('PUT', adminToken, g.group_id, undefined, true), 'user_id');
      expectInvalid(await handle('PUT', adminToken, g.group_id, 'ann', true), 'user_id');
      expectInvalid(await handle('POST', adminToken, g.group_id, outsider, 'yes'), 'approval');
      // Absent `approval` is false (Go clients drop it): rejecting an application that is not there.
      expectGroupError(await handle('POST', adminToken, g.group_id, outsider, undefined), 404, 'not_found');
      expectInvalid(await apply(e2e.tokens.outsider, g.group_id, { reason: 'r'.repeat(257) }), 'reason');
      expectInvalid(await apply(e2e.tokens.outsider, 'g'), 'group_id');
    });

    it('the app admin without user_id applies as the group owner → 409 already_member; unknown group → 404', async () => {
      expectGroupError(await apply(e2e.tokens.app, g.group_id), 409, 'already_member');
      expectGroupNotFound(await apply(e2e.tokens.outsider, UNKNOWN_GROUP));
    });
  });

  describe('apply_approval 2: nobody may apply', () => {
    it('apply → 403 forbidden, nothing stored', async () => {
      const g = await groupApproving(2);
      const applicant = await newApplicant();
      await expectUnchanged(
        () => roles(g.group_id),
        async () => {
          expectForbidden(await apply(applicant.token, g.group_id));
        },
      );
      const res = await applications(e2e.tokens.owner, [g.group_id]);
      expectPage(res, []);
      expect(res.body).toMatchObject({ total: 0, cursor: '' });
    });
  });

  describe('POST /group/application_list (4.9)', () => {
    it("pages over several groups' applications: cursor, total; groups the caller does not administer are left out", async () => {
      const [g1, g2] = [await groupApproving(1), await groupApproving(1)];
      const foreign = await e2e.api.createGroup(e2e.tokens.outsider, {});
      const applicants = await Promise.all([1, 2, 3, 4, 5].map(() => newApplicant()));
      for (const [i, a] of applicants.entries())
        expectOk(await apply(a.token, i < 3 ? g1.group_id : g2.group_id), done(a.id, 'pending'));
      expectOk(await apply(applicants[0].token, foreign.group_id), done(applicants[0].id, 'pending'));

      const seen: number[] = [];
      let cursor = '';
      let pages = 0;
      do {
        const res = await applications(e2e.tokens.owner, [g1.group_id, String(g2.group_id), foreign.group_id], {
          limit: 2,
          cursor,
        });
        expectPage(res);
        expect(res.body.total).toBe(5);
        expect(res.body.data.length).toBeLessThanOrEqual(2);
        for (const a of res.body.data) expect([g1.group_id, g2.group_id]).toContain(a.group_id);
        seen.push(...res.body.data.map((a: { applicant_id: number }) => a.applicant_id));
        cursor = res.body.cursor;
        pages += 1;
      } while (cursor !== '');
      expect(pages).toBe(3);
      expect([...seen].sort()).toEqual(applicants.map((a) => Number(a.id)).sort());

      const one = await applications(e2e.tokens.app, [g2.group_id], { limit: 5000 });
      expectPage(one);
      expect(one.body.total).toBe(2);
    });

    it('group_list empty, too long or not ids, or limit 0 → 400 naming it', async () => {
      const g = await groupApproving(1);
      expectInvalid(await applications(e2e.tokens.owner, []), 'group_list');
      expectInvalid(
        await applications(
          e2e.tokens.owner,
          Array.from({ length: 1001 }, (_, i) => g.group_id + i),
        ),
        'group_list',
      );
      expectInvalid(await applications(e2e.tokens.owner, ['g1']), 'group_list');
      expectInvalid(await e2e.api.post('/group/application_list', { token: e2e.tokens.owner, body: {} }), 'group_list');
      expectInvalid(await applications(e2e.tokens.owner, [g.group_id], { limit: 0 }), 'limit');
    });
  });
});
