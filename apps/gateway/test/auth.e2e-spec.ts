// Tokens, the /group calling convention (auth, tenancy, acting as a user), rate limits and unknown
// routes, through the real built stack. The gateway runs with RATE_LIMIT_PER_SECOND=5, so every
// call to /group goes through a client-side pacer except the burst that shows the limit.
import * as jwt from 'jsonwebtoken';

import {
  Api,
  type CallOptions,
  CLIENT_ID,
  CLIENT_SECRET,
  DEMO_JWT_KEY,
  demoApp,
  expectForbidden,
  expectGroupError,
  expectGroupNotFound,
  expectNotMember,
  expectOk,
  expectRouteNotFound,
  expectTokenExpired,
  expectUnauthorized,
  type GroupInfo,
  type HttpResult,
  type Loose,
  sleep,
} from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

const RATE_LIMIT = 5;
const OTHER_APP = {
  appId: 'other',
  orgName: 'otherorg',
  appName: 'otherapp',
  clientId: 'other-client',
  clientSecret: 'other-secret-123',
};
const APPS_JSON = JSON.stringify([demoApp(), OTHER_APP]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keeps every /group endpoint family well under the gateway's per-second limit. */
class PacedApi extends Api {
  private readonly recent = new Map<string, number[]>();

  override async call<T = Loose>(method: string, path: string, options?: CallOptions): Promise<HttpResult<T>> {
    const family = path.startsWith('/group/') ? path.split('?')[0].split('/')[2] : null;
    if (family !== null) {
      for (;;) {
        const now = Date.now();
        const calls = (this.recent.get(family) ?? []).filter((t) => now - t < 1_100);
        if (calls.length < RATE_LIMIT - 1) {
          this.recent.set(family, [...calls, now]);
          break;
        }
        await sleep(1_100 - (now - calls[0]) + 10);
      }
    }
    return super.call<T>(method, path, options);
  }

  /** A call that bypasses the pacer. */
  unpaced<T = Loose>(method: string, path: string, options?: CallOptions): Promise<HttpResult<T>> {
    return super.call<T>(method, path, options);
  }

  /** Resolves right after a wall-clock second starts, once the family has had a quiet second. */
  async freshSecond(family: string): Promise<void> {
    const last = Math.max(0, ...(this.recent.get(family) ?? []));
    const wait = Math.max(0, last + 1_100 - Date.now());
    await sleep(wait);
    await sleep(1_000 - (Date.now() % 1_000) + 5);
  }
}

describe('auth, calling convention, rate limits, unknown routes', () => {
  const e2e = useGroupStack('auth', {
    env: { RATE_LIMIT_PER_SECOND: String(RATE_LIMIT) },
    appEnv: { gateway: { APPS_JSON } },
    api: (baseUrl) => new PacedApi(baseUrl),
    db: false,
  });
  const { owner, member, outsider } = e2e.users;
  let group: GroupInfo;

  beforeAll(async () => {
    group = await e2e.api.createGroup(e2e.tokens.owner, { name: 'auth', user_list: [member] });
  });

  /** POST `path` with a JSON body, outside the /group calling convention: its status and body. */
  async function postJson(path: string, body: unknown) {
    const res = await e2e.api.postJson<Record<string, unknown>>(path, body);
    return { status: res.status, body: res.body };
  }

  /** GET /group/info of the suite's group with these call options. */
  const readInfo = (options: CallOptions) =>
    e2e.api.get('/group/info', { ...options, query: { group_id: group.group_id, ...options.query } });

  /** POST /demo/demo/token (Easemob) with client credentials. */
  const easemobToken = (clientId: string, clientSecret: string) =>
    postJson('/demo/demo/token', {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });

  describe('POST /token', () => {
    it('client credentials → an app-admin token', async () => {
      const res = await postJson('/token', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
      expect(res).toEqual({
        status: 200,
        body: { access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number) },
      });
      expect(res.body.expires_in).toBeGreaterThan(0);
      // it acts with owner rights in any group of the app
      expectOk(await readInfo({ token: res.body.access_token as string }));
    });

    it('client credentials + user_id → a token of that user', async () => {
      const res = await postJson('/token', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: '1001' });
      expect(res).toEqual({
        status: 200,
        body: { access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number) },
      });
      // user 1001 is not in the group
      expectNotMember(await readInfo({ token: res.body.access_token as string }));
    });

    it('wrong secret or unknown client → 401 {error: "unauthorized", message}', async () => {
      for (const body of [
        { client_id: CLIENT_ID, client_secret: 'wrong-secret' },
        { client_id: CLIENT_ID, client_secret: 'wrong-secret', user_id: '1001' },
        { client_id: 'nobody', client_secret: CLIENT_SECRET },
        { client_id: CLIENT_ID, client_secret: OTHER_APP.clientSecret },
      ]) {
        expect(await postJson('/token', body)).toEqual({
          status: 401,
          body: { error: 'unauthorized', message: expect.any(String) },
        });
      }
    });

    it('missing fields → 400 {error: "invalid_parameter", message naming the field}', async () => {
      const res = await postJson('/token', { client_id: CLIENT_ID });
      expect(res).toEqual({
        status: 400,
        body: { error: 'invalid_parameter', message: expect.stringMatching(/client_secret/) },
      });
    });

    it("another app's credentials give a token of that app", async () => {
      const res = await postJson('/token', { client_id: OTHER_APP.clientId, client_secret: OTHER_APP.clientSecret });
      expect(res.status).toBe(200);
      const otherToken = res.body.access_token as string;
      // used against app demo → 401; within its own app it does not see demo's groups
      expectUnauthorized(await readInfo({ token: otherToken }));
      expectGroupNotFound(await readInfo({ token: otherToken, query: { app_id: OTHER_APP.appId } }));
      // and a demo token is refused with app_id=other
      expectUnauthorized(await readInfo({ token: e2e.tokens.app, query: { app_id: OTHER_APP.appId } }));
    });
  });

  describe('POST /{org}/{app}/token (Easemob)', () => {
    it('client_credentials → {access_token, expires_in, application}', async () => {
      const res = await easemobToken(CLIENT_ID, CLIENT_SECRET);
      expect(res).toEqual({
        status: 200,
        body: {
          access_token: expect.any(String),
          expires_in: expect.any(Number),
          application: expect.stringMatching(UUID),
        },
      });
      expect(res.body.expires_in).toBeGreaterThan(0);
      // an app-admin token of app demo
      expectOk(await readInfo({ token: res.body.access_token as string }));
      // the application uuid is stable
      const again = await easemobToken(CLIENT_ID, CLIENT_SECRET);
      expect(again.body.application).toBe(res.body.application);
    });

    it('wrong secret → 401 in the Easemob envelope', async () => {
      const res = await postJson('/demo/demo/token', {
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: 'wrong-secret',
      });
      expect(res).toEqual({
        status: 401,
        body: {
          error: 'unauthorized',
          exception: expect.any(String),
          timestamp: expect.any(Number),
          duration: expect.any(Number),
          error_description: expect.any(String),
        },
      });
    });

    it("another app's credentials on demo/demo → 401 in the Easemob envelope", async () => {
      const res = await easemobToken(OTHER_APP.clientId, OTHER_APP.clientSecret);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'unauthorized', error_description: expect.any(String) });
    });
  });

  describe('/group calling convention', () => {
    it('access-token header or Authorization: Bearer; success envelope {code: 200, message: null, data}', async () => {
      const viaHeader = await readInfo({ token: e2e.tokens.member });
      expectOk(viaHeader);
      expect(viaHeader.body.data.group_id).toBe(group.group_id);
      const viaBearer = await readInfo({ token: e2e.tokens.member, auth: 'bearer' });
      expectOk(viaBearer, viaHeader.body.data);
      const lowerCaseScheme = await readInfo({
        token: e2e.tokens.member,
        headers: { authorization: `bearer ${e2e.tokens.member}` },
      });
      expectOk(lowerCaseScheme, viaHeader.body.data);
    });

    it('missing token → code 401 in the group envelope', async () => {
      expectUnauthorized(await readInfo({}));
      expectUnauthorized(await readInfo({ headers: { authorization: e2e.tokens.member } }));
    });

    it('garbage or tampered token → code 401', async () => {
      expectUnauthorized(await readInfo({ token: 'garbage' }));
      expectUnauthorized(await readInfo({ token: 'a.b.c' }));
      const [header, payload] = e2e.tokens.member.split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({ ...(jwt.decode(e2e.tokens.member) as object), sub: owner }),
      ).toString('base64url');
      expectUnauthorized(await readInfo({ token: `${header}.${forgedPayload}.${e2e.tokens.member.split('.')[2]}` }));
      expectUnauthorized(await readInfo({ token: `${header}.${payload}.` }));
      const unsigned = jwt.sign(jwt.decode(e2e.tokens.member) as object, '', { algorithm: 'none' });
      expectUnauthorized(await readInfo({ token: unsigned }));
      const wrongKey = jwt.sign(jwt.decode(e2e.tokens.member) as object, 'not-the-app-key-at-all', {
        algorithm: 'HS256',
      });
      expectUnauthorized(await readInfo({ token: wrongKey }));
    });

    it('expired token → code 402 (not 401: the vendor SDK logs in again on 402)', async () => {
      // Re-signing the same claims with the demo app's JWT key proves the forgery is faithful; the
      // expired copy must then be refused.
      const claims = jwt.decode(e2e.tokens.member) as Record<string, unknown>;
      const sign = (payload: object) =>
        jwt.sign(payload, DEMO_JWT_KEY.secret, { algorithm: 'HS256', keyid: DEMO_JWT_KEY.kid });
      expectOk(await readInfo({ token: sign(claims) }));
      const now = Math.floor(Date.now() / 1000);
      const expired = sign({ ...claims, iat: now - 7_200, exp: now - 60 });
      expectTokenExpired(await readInfo({ token: expired }));
      // an expired token that is also forged is just invalid
      expectUnauthorized(
        await readInfo({ token: jwt.sign({ ...claims, iat: now - 7_200, exp: now - 60 }, 'not-the-app-key-at-all') }),
      );
    });

    it('app_id missing, empty or naming another app → code 401', async () => {
      expectUnauthorized(await readInfo({ token: e2e.tokens.member, query: { app_id: null } }));
      expectUnauthorized(await readInfo({ token: e2e.tokens.member, query: { app_id: '' } }));
      expectUnauthorized(await readInfo({ token: e2e.tokens.member, query: { app_id: 'other' } }));
      expectUnauthorized(await readInfo({ token: e2e.tokens.member, query: { app_id: 'nope' } }));
      expectUnauthorized(await readInfo({ token: e2e.tokens.app, query: { app_id: 'DEMO' } }));
    });

    it('an auth failure beats a validation failure', async () => {
      expectUnauthorized(await e2e.api.get('/group/info', { query: { group_id: 'abc' } }));
      expectUnauthorized(await e2e.api.post('/group/create', { token: 'garbage', body: { type: 7 } }));
    });
  });

  describe('acting as a user', () => {
    /** PUT /group/settings/enable_read_ack (an admin-only write) as `token`, acting as `userId` when given. */
    const setReadAck = (token: string, value: boolean, userId?: string) =>
      e2e.api.put('/group/settings/enable_read_ack', {
        token,
        query: { user_id: userId },
        body: { group_id: group.group_id, value },
      });

    it('an app-admin token without user_id acts with owner rights (admin-only write succeeds)', async () => {
      expectOk(await setReadAck(e2e.tokens.app, true), true);
      expectOk(await setReadAck(e2e.tokens.app, false), true);
    });

    it('an app-admin token + user_id of a non-member → 403 not_member', async () => {
      expectNotMember(await e2e.api.getInfo(e2e.tokens.app, group.group_id, outsider));
    });

    it('an app-admin token + user_id of a plain member → reads, but 403 forbidden on admin-only calls', async () => {
      expectOk(await e2e.api.getInfo(e2e.tokens.app, group.group_id, member));
      expectForbidden(await setReadAck(e2e.tokens.app, true, member));
    });

    it('an app-admin token + user_id of the owner acts as the owner', async () => {
      expectOk(await setReadAck(e2e.tokens.app, false, owner), true);
    });

    it('a user token with user_id naming someone else → code 401; naming itself acts as itself', async () => {
      // a non-member naming the owner, a plain member naming the owner, the owner naming a non-member
      expectUnauthorized(await e2e.api.getInfo(e2e.tokens.outsider, group.group_id, owner));
      expectUnauthorized(await setReadAck(e2e.tokens.member, true, owner));
      expectUnauthorized(await e2e.api.getInfo(e2e.tokens.owner, group.group_id, outsider));
      expectNotMember(await e2e.api.getInfo(e2e.tokens.outsider, group.group_id, outsider));
      expectForbidden(await setReadAck(e2e.tokens.member, true, member));
    });
  });

  describe('rate limit (RATE_LIMIT_PER_SECOND=5 per app and endpoint family)', () => {
    /** GET /group/<family> as the member, bypassing the pacer. */
    const unpacedRead = (family: 'info' | 'settings') =>
      e2e.api.unpaced('GET', `/group/${family}`, { token: e2e.tokens.member, query: { group_id: group.group_id } });

    it('the 6th+ call within one second to one family → code 429 (HTTP 200) with Retry-After; other families are unaffected', async () => {
      await e2e.api.freshSecond('info');
      await e2e.api.freshSecond('settings');
      const started = Date.now();
      // bypasses the pacer on purpose
      const burst = await Promise.all(Array.from({ length: 8 }, () => unpacedRead('info')));
      const otherFamily = await unpacedRead('settings');
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(900); // all in one window, else the counts below mean nothing

      expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
      const codes = burst.map((r) => r.body.code).sort();
      expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      for (const res of burst.filter((r) => r.body.code === 200)) expectOk(res);
      for (const res of burst.filter((r) => r.body.code === 429)) {
        expectGroupError(res, 429, 'rate_limited');
        const retryAfter = res.headers.get('retry-after');
        expect(retryAfter).toMatch(/^[0-9]+$/);
        expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      }
      expectOk(otherFamily);

      // the next second the family answers again
      await sleep(1_000 - (Date.now() % 1_000) + 50);
      expectOk(await unpacedRead('info'));
    });

    it('the token endpoint is not counted against /group families', async () => {
      await e2e.api.freshSecond('info');
      await Promise.all(Array.from({ length: 8 }, () => e2e.api.token(member)));
      expectOk(await unpacedRead('info'));
    });
  });

  describe('unknown routes', () => {
    it('under /group → 404 in the group envelope', async () => {
      for (const [method, path] of [
        ['GET', '/group/nope'],
        ['POST', '/group/nope/deeper'],
        ['GET', '/group/info/name'],
        ['DELETE', '/group/create'],
      ]) {
        const res = await e2e.api.call(method, path, { token: e2e.tokens.member, query: { group_id: group.group_id } });
        expectRouteNotFound(res);
      }
      // also without a token
      expectRouteNotFound(await e2e.api.get('/group/nope'));
    });

    it('under /conversations → 404 {error: {status, code, description}}', async () => {
      const res = await e2e.api.get('/conversations/nope/deeper', { token: e2e.tokens.member });
      expect({ status: res.status, body: res.body }).toEqual({
        status: 404,
        body: { error: { status: 404, code: 404, description: expect.any(String) } },
      });
    });
  });
});
