// The /group calling convention as its vendor serves it, through the real built stack: call
// parameters in headers (the query still accepted, the header winning) and every answer at HTTP
// 200 with the outcome in `code` — only requests that never reach the dialect answer otherwise.
import * as jwt from 'jsonwebtoken';

import {
  APP_ID,
  type CallOptions,
  DEMO_JWT_KEY,
  expectEdgeError,
  expectForbidden,
  expectGroupError,
  expectGroupNotFound,
  expectInvalid,
  expectNotMember,
  expectOk,
  expectRouteNotFound,
  expectTokenExpired,
  expectUnauthorized,
  type GroupInfo,
  newUserId,
  sleep,
} from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

const RATE_LIMIT = 100;

describe('/group calling convention: headers, HTTP 200 with the outcome in code', () => {
  const e2e = useGroupStack('group-convention', { env: { RATE_LIMIT_PER_SECOND: String(RATE_LIMIT) } });
  const { owner, member, outsider } = e2e.users;
  let group: GroupInfo;

  beforeAll(async () => {
    group = await e2e.api.createGroup(e2e.tokens.owner, { name: 'convention', user_list: [member] });
  });

  /** GET /group/info of the suite's group with only these headers and query (no default app_id). */
  const readInfo = (headers: Record<string, string>, query: CallOptions['query'] = {}) =>
    e2e.api.get('/group/info', { headers, query: { app_id: null, group_id: group.group_id, ...query } });

  /** A copy of `token` whose lifetime ended a minute ago, signed with the demo app's JWT key. */
  const expiredCopy = (token: string) => {
    const now = Math.floor(Date.now() / 1000);
    return jwt.sign({ ...(jwt.decode(token) as object), iat: now - 7_200, exp: now - 60 }, DEMO_JWT_KEY.secret, {
      algorithm: 'HS256',
      keyid: DEMO_JWT_KEY.kid,
    });
  };

  describe('app_id, access-token and user_id in headers', () => {
    it('all three as headers, nothing in the query', async () => {
      expectOk(await readInfo({ app_id: APP_ID, 'access-token': e2e.tokens.member }), group);

      const someone = newUserId();
      const res = await e2e.api.post('/group/create', {
        query: { app_id: null },
        headers: { app_id: APP_ID, 'access-token': e2e.tokens.app, user_id: someone },
        body: { name: 'by header' },
      });
      expectOk(res);
      expect(res.body.data).toMatchObject({ owner_id: Number(someone), name: 'by header', count: 1 });
      expect(await e2e.db.roles(res.body.data.group_id)).toEqual({ [someone]: 'owner' });
    });

    it('app_id: the header wins over the query', async () => {
      expectOk(await readInfo({ app_id: APP_ID, 'access-token': e2e.tokens.member }, { app_id: 'nope' }), group);
      expectUnauthorized(await readInfo({ app_id: 'nope', 'access-token': e2e.tokens.member }, { app_id: APP_ID }));
      // an empty header counts as absent
      expectOk(await readInfo({ app_id: '', 'access-token': e2e.tokens.member }, { app_id: APP_ID }), group);
    });

    it('access-token: the query is accepted, the header wins over it', async () => {
      expectOk(await readInfo({ app_id: APP_ID }, { 'access-token': e2e.tokens.member }), group);
      expectOk(
        await readInfo({ app_id: APP_ID, 'access-token': e2e.tokens.member }, { 'access-token': 'garbage' }),
        group,
      );
      expectUnauthorized(
        await readInfo({ app_id: APP_ID, 'access-token': 'garbage' }, { 'access-token': e2e.tokens.member }),
      );
    });

    it('user_id (acting as a user with an app-admin token): the header wins over the query', async () => {
      const asApp = { app_id: APP_ID, 'access-token': e2e.tokens.app };
      expectNotMember(await readInfo({ ...asApp, user_id: outsider }, { user_id: member }));
      expectOk(await readInfo({ ...asApp, user_id: member }, { user_id: outsider }), group);
    });

    describe('user_id with a user token: its own user or nobody, anyone else → code 401', () => {
      let asMember: Record<string, string>;
      beforeAll(() => {
        asMember = { app_id: APP_ID, 'access-token': e2e.tokens.member };
      });
      const rename = (headers: Record<string, string>, query: CallOptions['query'] = {}) =>
        e2e.api.put('/group/info/name', {
          query: { app_id: null, ...query },
          headers,
          body: { group_id: group.group_id, value: 'renamed' },
        });

      it('naming another user, as a header or in the query: 401, whoever is named', async () => {
        for (const other of [owner, outsider, newUserId()]) {
          expectUnauthorized(await readInfo({ ...asMember, user_id: other }));
          expectUnauthorized(await readInfo(asMember, { user_id: other }));
        }
        // the header wins over the query here too
        expectOk(await readInfo({ ...asMember, user_id: member }, { user_id: owner }), group);
        expectUnauthorized(await readInfo({ ...asMember, user_id: owner }, { user_id: member }));
      });

      it('naming its own user, or an empty user_id: the call acts as that user', async () => {
        expectOk(await readInfo({ ...asMember, user_id: member }), group);
        expectOk(await readInfo(asMember, { user_id: member }), group);
        expectOk(await readInfo({ ...asMember, user_id: '' }), group);
        expectNotMember(await readInfo({ app_id: APP_ID, 'access-token': e2e.tokens.outsider, user_id: outsider }));
      });

      it('a refused write changes nothing, and 401 comes before validation', async () => {
        const ownerHeaders = { app_id: APP_ID, 'access-token': e2e.tokens.owner };
        expectUnauthorized(await rename({ ...ownerHeaders, user_id: member }));
        expectUnauthorized(await rename(ownerHeaders, { user_id: member }));
        expect((await e2e.db.storedGroup(group.group_id))?.name).toBe('convention');
        expectUnauthorized(await readInfo({ ...asMember, user_id: owner }, { group_id: 'abc' }));
      });

      it('an app-admin token still acts as the user it names', async () => {
        const asApp = { app_id: APP_ID, 'access-token': e2e.tokens.app };
        expectOk(await readInfo({ ...asApp, user_id: member }), group);
        expectNotMember(await readInfo({ ...asApp, user_id: outsider }));
        expectForbidden(await rename({ ...asApp, user_id: member }));
        expect((await e2e.db.storedGroup(group.group_id))?.name).toBe('convention');
      });
    });

    it("the group_id header names the call's group when the call does not (the call's own argument wins)", async () => {
      const headers = { app_id: APP_ID, 'access-token': e2e.tokens.app, group_id: String(group.group_id) };
      expectOk(await readInfo(headers, { group_id: null }), group);
      expectOk(await readInfo({ ...headers, group_id: '4000000000555' }), group);
      // an app-admin token with a group_id header still writes with owner rights
      const setReadAck = (value: boolean) =>
        e2e.api.put('/group/settings/enable_read_ack', {
          query: { app_id: null },
          headers,
          body: { group_id: group.group_id, value },
        });
      expectOk(await setReadAck(true), true);
      expect(await e2e.db.storedGroup(group.group_id)).toMatchObject({ settings: { readAck: true } });
      expectOk(await setReadAck(false), true);
      expect(await e2e.db.storedGroup(group.group_id)).toMatchObject({ settings: { readAck: false } });
    });
  });

  describe('every error the dialect answers is HTTP 200 with its code', () => {
    it('401: missing or garbage token, app_id missing or naming another app', async () => {
      expectUnauthorized(await readInfo({ app_id: APP_ID }));
      expectUnauthorized(await readInfo({ app_id: APP_ID, 'access-token': 'garbage' }));
      expectUnauthorized(await readInfo({ app_id: APP_ID, authorization: 'Bearer garbage' }));
      expectUnauthorized(await readInfo({ 'access-token': e2e.tokens.member }));
      expectUnauthorized(await readInfo({ app_id: 'other', 'access-token': e2e.tokens.member }));
    });

    it('402: an expired token, however it is sent', async () => {
      const expired = expiredCopy(e2e.tokens.member);
      expectTokenExpired(await readInfo({ app_id: APP_ID, 'access-token': expired }));
      expectTokenExpired(await readInfo({ app_id: APP_ID, authorization: `Bearer ${expired}` }));
      expectTokenExpired(await readInfo({ app_id: APP_ID }, { 'access-token': expired }));
      // a write with an expired token writes nothing
      const res = await e2e.api.put('/group/info/name', {
        token: expiredCopy(e2e.tokens.owner),
        body: { group_id: group.group_id, value: 'late' },
      });
      expectTokenExpired(res);
      expect((await e2e.db.storedGroup(group.group_id))?.name).toBe('convention');
    });

    it('403: forbidden and not_member', async () => {
      expectForbidden(
        await e2e.api.put('/group/info/name', {
          token: e2e.tokens.member,
          body: { group_id: group.group_id, value: 'x' },
        }),
      );
      expectNotMember(await e2e.api.getInfo(e2e.tokens.outsider, group.group_id));
      expect((await e2e.db.storedGroup(group.group_id))?.name).toBe('convention');
    });

    it('404: an unknown group', async () => {
      expectGroupNotFound(await e2e.api.getInfo(e2e.tokens.owner, 4_000_000_000_555));
    });

    it('400: validation, and a JSON body that is not an object', async () => {
      expectInvalid(await e2e.api.getInfo(e2e.tokens.owner, 'abc'), 'group_id');
      expectInvalid(
        await e2e.api.post('/group/info/batch', { token: e2e.tokens.owner, body: [group.group_id] }),
        'body',
      );
      expectInvalid(await e2e.api.post('/group/info/batch', { token: e2e.tokens.owner, body: '"text"' }), 'body');
    });

    it('only requests that never reach the dialect answer a non-200: unknown path 404, non-JSON body 400', async () => {
      expectRouteNotFound(await e2e.api.get('/group/nope', { token: e2e.tokens.owner }));
      expectEdgeError(
        await e2e.api.post('/group/info/batch', { token: e2e.tokens.owner, body: 'group_list=1' }),
        400,
        'invalid_parameter',
      );
    });
  });

  describe(`429 (RATE_LIMIT_PER_SECOND=${RATE_LIMIT})`, () => {
    it('beyond the limit in one second: code 429 at HTTP 200 with Retry-After', async () => {
      // Cheap calls: the guard counts them, then validation refuses them (no group_id), so no
      // service is asked. 2×limit+1 calls within at most two one-second windows overflow one.
      await sleep(1_000 - (Date.now() % 1_000) + 5);
      const burst = await Promise.all(
        Array.from({ length: 2 * RATE_LIMIT + 1 }, () => e2e.api.get('/group/settings', { token: e2e.tokens.member })),
      );
      expect(burst.map((r) => r.status)).toEqual(burst.map(() => 200));
      const limited = burst.filter((r) => r.body.code === 429);
      expect(limited.length).toBeGreaterThan(0);
      for (const res of limited) {
        expectGroupError(res, 429, 'rate_limited');
        expect(res.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
      }
      for (const res of burst.filter((r) => r.body.code !== 429)) {
        expectInvalid(res, 'group_id');
        expect(res.headers.get('retry-after')).toBeNull();
      }
      // the next second the family answers again
      await sleep(1_000 - (Date.now() % 1_000) + 50);
      expectOk(await e2e.api.get('/group/settings', { token: e2e.tokens.member, query: { group_id: group.group_id } }));
    });
  });

  // Last: it stops a service of the suite's stack.
  describe('transport outcomes', () => {
    it('a service that does not answer → code 503 at HTTP 200', async () => {
      await e2e.stack.stopService('membership');
      expectGroupError(await e2e.api.getInfo(e2e.tokens.member, group.group_id), 503, 'unavailable');
    });
  });
});
