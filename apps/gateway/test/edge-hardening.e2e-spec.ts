// The edge's defences through the real built stack, one test per probe that once got through: a
// token signed with the client secret, a QR invite outliving its signer's rights, a self-lifted
// mute, a block refused for someone who left, one user spending the app's rate budget, unthrottled
// secret guessing, a trickled request, malformed cursors and deep bodies, non-canonical ids, and
// token revocation.
import { connect } from 'node:net';

import * as jwt from 'jsonwebtoken';

import {
  APP_ID,
  CLIENT_ID,
  CLIENT_SECRET,
  demoApp,
  expectEdgeError,
  expectForbidden,
  expectInvalid,
  expectOk,
  expectUnauthorized,
  type HttpResult,
  newUserId,
} from './group-e2e.helpers';
import { done, failed, MembershipApi } from './group-membership.helpers';
import { useGroupStack } from './group-stack.fixture';

/** The app's budget and each user's share, per endpoint family and second (the app's own rateLimits). */
const APP_RATE = 40;
const USER_RATE = 20;
const REQUEST_TIMEOUT_MS = 1_500;

describe('edge hardening', () => {
  const e2e = useGroupStack('edge-hardening', {
    api: (baseUrl) => new MembershipApi(baseUrl),
    db: false,
    env: { RATE_LIMIT_PER_SECOND: '10000', RATE_LIMIT_PER_USER_PER_SECOND: '10000', HTTP_TRUST_PROXY: 'true' },
    appEnv: {
      gateway: {
        APPS_JSON: JSON.stringify([
          demoApp(),
          {
            appId: 'fair',
            orgName: 'fair',
            appName: 'fair',
            clientId: 'fair',
            clientSecret: 'fair-secret',
            rateLimits: { perSecond: APP_RATE, perUserPerSecond: USER_RATE },
          },
          { appId: 'victim', orgName: 'victim', appName: 'victim', clientId: 'victim', clientSecret: 'victim-secret' },
        ]),
        HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        HTTP_HEADERS_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      },
    },
  });
  const { owner, member, outsider } = e2e.users;

  /** POST /token with these credentials, from `address` (X-Forwarded-For: the gateway trusts it here). */
  const login = (body: Record<string, unknown>, address = '10.1.0.1') =>
    e2e.api.post('/token', { body, query: { app_id: null }, headers: { 'x-forwarded-for': address } });

  it('refuses an app-admin token HMAC-signed with the client secret; its tokens name their key by kid', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = jwt.sign({ app: APP_ID, role: 'admin', iat: now }, CLIENT_SECRET, {
      issuer: 'cohort',
      expiresIn: 600,
      keyid: 'e2e',
    });
    expectUnauthorized(await e2e.api.getInfo(forged, 1));
    expect(jwt.decode(e2e.tokens.app, { complete: true })?.header.kid).toBe('e2e');
  });

  describe('QR invites and moderation', () => {
    it('a QR invite dies with its signer’s right to invite', async () => {
      const [admin, first, second] = [newUserId(), newUserId(), newUserId()];
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [member, admin] });
      await e2e.api.setApplyApproval(e2e.tokens.owner, g.group_id, 2);
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [admin]);
      const [adminToken, firstToken, secondToken] = await e2e.api.tokensOf([admin, first, second]);
      const signed = await e2e.api.groupGet('qrcode/sign', adminToken, { group_id: g.group_id });
      expectOk(signed);
      const redeem = (token: string) =>
        e2e.api.post('/group/qrcode/invite', { token, body: { qr_info: signed.body.data.qr_info } });
      expectOk(await redeem(firstToken));
      // The admin is kicked: what they signed while an admin no longer lets anyone in.
      expectOk(await e2e.api.groupCall('POST', 'kick', e2e.tokens.owner, g.group_id, { user_list: [admin] }), [
        done(admin),
      ]);
      expectForbidden(await redeem(secondToken));
      const members = await e2e.api.memberIds(e2e.tokens.owner, g.group_id);
      expect([members.includes(first), members.includes(second)]).toEqual([true, false]);
    });

    it('an admin muted by the owner cannot lift their own mute (nor another admin’s)', async () => {
      const [admin, other] = [newUserId(), newUserId()];
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [admin, other] });
      await e2e.api.addAdmins(e2e.tokens.owner, g.group_id, [admin, other]);
      expectOk(
        await e2e.api.groupCall('POST', 'ban', e2e.tokens.owner, g.group_id, {
          user_list: [admin, other],
          duration: 60,
        }),
      );
      const [adminToken] = await e2e.api.tokensOf([admin]);
      const unban = await e2e.api.groupCall('POST', 'unban', adminToken, g.group_id, { user_list: [admin, other] });
      expectOk(unban, [failed(admin, 'forbidden'), failed(other, 'forbidden')]);
      const banned = await e2e.api.groupGet('banned_list', e2e.tokens.owner, { group_id: g.group_id });
      expect(banned.body.data.map((p: { user_id: number }) => String(p.user_id)).sort()).toEqual([admin, other].sort());
    });

    it('blocks someone who just left, which keeps them out of every way in', async () => {
      const leaver = newUserId();
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [leaver] });
      await e2e.api.setApplyApproval(e2e.tokens.owner, g.group_id, 0);
      const [leaverToken] = await e2e.api.tokensOf([leaver]);
      expectOk(
        await e2e.api.call('POST', '/group/leave', { token: leaverToken, query: { group_id: g.group_id } }),
        true,
      );
      expectOk(await e2e.api.groupCall('POST', 'block', e2e.tokens.owner, g.group_id, { user_list: [leaver] }), [
        done(leaver),
      ]);
      const apply = await e2e.api.groupCall('POST', 'apply', leaverToken, g.group_id);
      expect(apply.body.code).not.toBe(200);
      expect(await e2e.api.memberIds(e2e.tokens.owner, g.group_id)).not.toContain(leaver);
    });
  });

  describe('limits', () => {
    /** GET /group/user_joined of app `fair` as `token`: one request of the family `group:members`. */
    const fairRead = (token: string) => e2e.api.get('/group/user_joined', { token, query: { app_id: 'fair' } });

    it('gives each user a share of the app budget, and every answer shows the budget', async () => {
      const fairToken = async (userId: string) => {
        const res = await login({ client_id: 'fair', client_secret: 'fair-secret', user_id: userId });
        return res.body.access_token as string;
      };
      const [greedy, polite] = await Promise.all([fairToken(newUserId()), fairToken(newUserId())]);
      const greedyAnswers = await Promise.all(Array.from({ length: APP_RATE + 1 }, () => fairRead(greedy)));
      const politeAnswers = await Promise.all(Array.from({ length: USER_RATE }, () => fairRead(polite)));
      // The greedy user met their share (whatever second boundary the burst crossed); the other got through.
      expect(greedyAnswers.filter((res) => res.body.code === 429).length).toBeGreaterThan(0);
      expect(politeAnswers.filter((res) => res.body.code === 429)).toEqual([]);
      for (const res of [...greedyAnswers, ...politeAnswers]) {
        expect(Number(res.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
        expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^[0-9]+$/);
        expect(res.headers.get('x-ratelimit-reset')).toMatch(/^[0-9]+$/);
      }
      const refused = greedyAnswers.find((res) => res.body.code === 429) as HttpResult;
      expect(refused.headers.get('retry-after')).toMatch(/^[0-9]+$/);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    });

    it('throttles secret guessing with a growing backoff (429 + Retry-After); a good login elsewhere is not slowed', async () => {
      const guesses: HttpResult[] = [];
      for (let i = 0; i < 60; i += 1)
        guesses.push(await login({ client_id: 'victim', client_secret: `guess-${i}` }, '10.6.6.6'));
      const statuses = guesses.map((res) => res.status);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(6);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(54);
      const throttled = guesses.find((res) => res.status === 429) as HttpResult;
      expect(throttled.body).toEqual({ error: 'rate_limited', message: expect.any(String) });
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await login({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET }, '10.7.7.7')).status).toBe(200);
    });

    it('closes a request whose body trickles in past the request timeout', async () => {
      const url = new URL(e2e.stack.baseUrl);
      const socket = connect(Number(url.port), url.hostname);
      const closed = new Promise<string>((resolve) => {
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
        socket.on('close', () => resolve(answer));
        socket.on('error', () => undefined);
      });
      socket.write(
        `POST /token HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
      );
      const trickle = setInterval(() => socket.write(' '), 300);
      // Bounded: a gateway without the timeout would keep the connection for as long as the trickle lasts.
      const outcome = await Promise.race([
        closed,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 10 * REQUEST_TIMEOUT_MS)),
      ]);
      clearInterval(trickle);
      socket.destroy();
      expect(outcome).not.toBeNull();
      expect(outcome ?? '').not.toMatch(/^HTTP\/1\.1 200/);
    });
  });

  describe('input hygiene', () => {
    it('refuses a well-formed cursor of an impossible position, naming cursor', async () => {
      const g = await e2e.api.createGroup(e2e.tokens.owner, { user_list: [member] });
      const cursor = Buffer.from(JSON.stringify([9_000_000_000_000_000, 'x'])).toString('base64url');
      expectInvalid(
        await e2e.api.groupGet('member_list', e2e.tokens.owner, { group_id: g.group_id, cursor }),
        'cursor',
      );
    });

    it('refuses a body nested deeper than the limit, naming its field', async () => {
      const deep = `{"name":"g","ignored":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
      // Refused while the body is read, before routing: the edge's 400 (HTTP status = code).
      const res = await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: deep });
      expectEdgeError(res, 400, 'invalid_parameter');
      expect(res.body.message).toMatch(/\bignored\b/);
    });

    it('takes one spelling per id: no leading zeros, nothing past int64', async () => {
      for (const userList of [['000459597775192', '459597775192'], ['9223372036854775808']]) {
        expectInvalid(
          await e2e.api.post('/group/create', { token: e2e.tokens.owner, body: { name: 'g', user_list: userList } }),
          'user_list',
        );
      }
      expectInvalid(await e2e.api.getInfo(e2e.tokens.owner, '0123'), 'group_id');
      const token = await login({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: '0459597775192' });
      expect(token.status).toBe(400);
    });
  });

  describe('revocation', () => {
    it("revokes a user's tokens, then every token of the app; a new login works again", async () => {
      const [before, bystander] = await e2e.api.tokensOf([outsider, owner]);
      const revoke = await e2e.api.post(`/admin/v1/users/${outsider}/revoke-tokens`, {
        token: e2e.tokens.app,
        auth: 'bearer',
        query: { app_id: null },
      });
      expect(revoke).toMatchObject({ status: 200, body: { not_before: expect.any(Number) } });
      expectUnauthorized(await e2e.api.get('/group/user_joined', { token: before }));
      expect((await e2e.api.get('/group/user_joined', { token: bystander })).body.code).toBe(200);
      const [after] = await e2e.api.tokensOf([outsider]);
      expect((await e2e.api.get('/group/user_joined', { token: after })).body.code).toBe(200);
      // A user token cannot revoke anything: 403, as on every /admin/v1 route; no token is 401.
      expect(
        (await e2e.api.post('/admin/v1/tokens/revoke', { token: after, auth: 'bearer', query: { app_id: null } }))
          .status,
      ).toBe(403);
      expect(
        (
          await e2e.api.post(`/admin/v1/users/${outsider}/revoke-tokens`, {
            token: after,
            auth: 'bearer',
            query: { app_id: null },
          })
        ).status,
      ).toBe(403);
      expect((await e2e.api.post('/admin/v1/tokens/revoke', { query: { app_id: null } })).status).toBe(401);

      const appToken = await e2e.api.token();
      expect(
        (await e2e.api.post('/admin/v1/tokens/revoke', { token: appToken, auth: 'bearer', query: { app_id: null } }))
          .status,
      ).toBe(200);
      expectUnauthorized(await e2e.api.get('/group/user_joined', { token: after }));
      expectUnauthorized(await e2e.api.getInfo(appToken, 1));
      const [fresh] = await e2e.api.tokensOf([outsider]);
      expect((await e2e.api.get('/group/user_joined', { token: fresh })).body.code).toBe(200);
    });
  });
});
