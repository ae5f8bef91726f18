// DELETE·POST /group/destroy (4.17) through the real built stack, including the durable
// `group.destroyed` event that makes membership drop the roster.
import { expectEventually } from '@cohort/testing';

import {
  expectForbidden,
  expectGroupNotFound,
  expectInvalid,
  expectNotMember,
  expectOk,
  expectUnauthorized,
  type GroupInfo,
  newUserId,
} from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';
import { groupKey } from './stack-db';

describe('DELETE·POST /group/destroy', () => {
  const e2e = useGroupStack('group-destroy');
  const { owner, member, outsider } = e2e.users;

  const newGroup = () => e2e.api.createGroup(e2e.tokens.owner, { name: 'doomed', user_list: [member, newUserId()] });
  const key = (group: GroupInfo) => groupKey(group.group_id);

  /** The group is gone for readers, dissolved in its own db, and its roster is purged (eventually). */
  async function expectDestroyed(group: GroupInfo) {
    expectGroupNotFound(await e2e.api.getInfo(e2e.tokens.owner, group.group_id));
    expectGroupNotFound(await e2e.api.getInfo(e2e.tokens.app, group.group_id));
    expect(await e2e.db.storedGroup(group.group_id)).toMatchObject({ status: 'dissolved' });
    await expectEventually(
      async () => {
        expect(await e2e.db.members.countDocuments(key(group))).toBe(0);
        expect(await e2e.db.rosters.countDocuments(key(group))).toBe(0);
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
  }

  it.each(['DELETE', 'POST'])('%s by the owner → true; the group is gone and its roster purged', async (method) => {
    const group = await newGroup();
    expect(await e2e.db.members.countDocuments(key(group))).toBe(3);
    expect(await e2e.db.rosters.countDocuments(key(group))).toBe(1);

    const res = await e2e.api.call(method, '/group/destroy', {
      token: e2e.tokens.owner,
      query: { group_id: group.group_id },
    });
    expectOk(res, true);
    await expectDestroyed(group);
  });

  it('a second destroy → 404 group_not_found', async () => {
    const group = await newGroup();
    expectOk(
      await e2e.api.delete('/group/destroy', { token: e2e.tokens.owner, query: { group_id: group.group_id } }),
      true,
    );
    expectGroupNotFound(
      await e2e.api.delete('/group/destroy', { token: e2e.tokens.owner, query: { group_id: group.group_id } }),
    );
    expectGroupNotFound(
      await e2e.api.post('/group/destroy', { token: e2e.tokens.app, query: { group_id: group.group_id } }),
    );
  });

  it('an app-admin token without user_id destroys with owner rights', async () => {
    const group = await newGroup();
    expectOk(
      await e2e.api.post('/group/destroy', { token: e2e.tokens.app, query: { group_id: String(group.group_id) } }),
      true,
    );
    await expectDestroyed(group);
  });

  it('an app-admin token with user_id of the owner destroys', async () => {
    const group = await newGroup();
    expectOk(
      await e2e.api.delete('/group/destroy', {
        token: e2e.tokens.app,
        query: { group_id: group.group_id, user_id: owner },
      }),
      true,
    );
    await expectDestroyed(group);
  });

  it('batch info leaves a destroyed group out', async () => {
    const kept = await newGroup();
    const gone = await newGroup();
    expectOk(
      await e2e.api.delete('/group/destroy', { token: e2e.tokens.owner, query: { group_id: gone.group_id } }),
      true,
    );
    const res = await e2e.api.post('/group/info/batch', {
      token: e2e.tokens.owner,
      body: { group_list: [kept.group_id, gone.group_id] },
    });
    expectOk(res);
    expect(res.body.data.map((g: { group_id: number }) => g.group_id)).toEqual([kept.group_id]);
  });

  describe('refused, nothing changed', () => {
    let group: GroupInfo;

    beforeAll(async () => {
      group = await newGroup();
    });

    afterEach(async () => {
      // still there, still active, roster intact
      expectOk(await e2e.api.getInfo(e2e.tokens.owner, group.group_id));
      expect(await e2e.db.storedGroup(group.group_id)).toMatchObject({ status: 'active' });
      expect(await e2e.db.members.countDocuments(key(group))).toBe(3);
      expect(await e2e.db.rosters.findOne(key(group))).toMatchObject({ memberCount: 3 });
    });

    it('a plain member → 403 forbidden', async () => {
      for (const method of ['DELETE', 'POST']) {
        expectForbidden(
          await e2e.api.call(method, '/group/destroy', {
            token: e2e.tokens.member,
            query: { group_id: group.group_id },
          }),
        );
      }
    });

    it('an app-admin token acting as a plain member (admin-level call, not the owner) → 403 forbidden', async () => {
      expectForbidden(
        await e2e.api.delete('/group/destroy', {
          token: e2e.tokens.app,
          query: { group_id: group.group_id, user_id: member },
        }),
      );
    });

    it('a non-member → 403 not_member', async () => {
      expectNotMember(
        await e2e.api.delete('/group/destroy', { token: e2e.tokens.outsider, query: { group_id: group.group_id } }),
      );
      expectNotMember(
        await e2e.api.post('/group/destroy', {
          token: e2e.tokens.app,
          query: { group_id: group.group_id, user_id: outsider },
        }),
      );
    });

    it('a user token naming the owner in user_id → 401', async () => {
      expectUnauthorized(
        await e2e.api.delete('/group/destroy', {
          token: e2e.tokens.member,
          query: { group_id: group.group_id, user_id: owner },
        }),
      );
    });

    it('group_id missing or not numeric → 400 naming group_id', async () => {
      expectInvalid(await e2e.api.delete('/group/destroy', { token: e2e.tokens.owner }), 'group_id');
      expectInvalid(
        await e2e.api.post('/group/destroy', { token: e2e.tokens.owner, query: { group_id: 'abc' } }),
        'group_id',
      );
    });

    it('without a token → 401', async () => {
      expectUnauthorized(await e2e.api.delete('/group/destroy', { query: { group_id: group.group_id } }));
    });
  });

  it('unknown group → 404 group_not_found', async () => {
    expectGroupNotFound(
      await e2e.api.delete('/group/destroy', { token: e2e.tokens.owner, query: { group_id: 4_000_000_000_999 } }),
    );
  });
});
