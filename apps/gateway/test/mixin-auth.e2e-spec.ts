// How the Mixin dialect authenticates, through the real built stack: requests signed with a
// session's Ed25519 key as Mixin's SDKs sign them (the app's bot, users it created with POST
// /users), every way a signed request can be wrong (each a 401 in Mixin's error envelope), and
// Cohort's own tokens beside them.
import { randomUUID } from 'node:crypto';

import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';
import {
  createNetworkUser,
  demoAppWithBot,
  expectMixinError,
  expectMixinOk,
  MixinClient,
  type MixinKeystore,
  newKeyPair,
  RFC3339_NANO,
  signedToken,
} from './mixin-e2e.helpers';

describe('Mixin dialect: signed requests', () => {
  const { appsJson, bot } = demoAppWithBot();
  const e2e = useGroupStack('mixin-auth', {
    db: false,
    env: HIGH_RATE_LIMIT,
    appEnv: { gateway: { APPS_JSON: appsJson } },
  });
  let botClient: MixinClient;
  let alice: MixinKeystore;

  beforeAll(async () => {
    botClient = new MixinClient(e2e.stack.baseUrl, bot);
    alice = await createNetworkUser(botClient, 'Alice');
  });

  /** A group conversation of `creator` (a request that needs a user caller). */
  const createAs = (client: MixinClient, id = randomUUID(), options = {}) =>
    client.post('/conversations', {
      body: { category: 'GROUP', conversation_id: id, name: 'signed', participants: [] },
      ...options,
    });

  describe('POST /users (network users)', () => {
    it('the bot creates a user with a session whose public key it gives: {type, user_id, session_id, full_name, created_at}', async () => {
      const { publicKey } = newKeyPair();
      const data = expectMixinOk(
        await botClient.post('/users', { body: { full_name: 'Bob', session_secret: publicKey } }),
      );
      expect(Object.keys(data).sort()).toEqual(['created_at', 'full_name', 'session_id', 'type', 'user_id']);
      expect(data).toMatchObject({
        type: 'user',
        full_name: 'Bob',
        user_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(data.created_at).toMatch(RFC3339_NANO);
    });

    it('accepts the key in standard base64 as the Go SDK sends it; an app-admin token may create users too', async () => {
      const { publicKey } = newKeyPair();
      const standard = Buffer.from(publicKey, 'base64url').toString('base64');
      expectMixinOk(
        await botClient.post('/users', {
          body: { full_name: 'Go', session_secret: standard },
          as: { token: e2e.tokens.app },
        }),
      );
    });

    it('a user (signed or with a user token) may not: 403; a bad session_secret → 400 naming it', async () => {
      const { publicKey } = newKeyPair();
      expectMixinError(
        await botClient.post('/users', { body: { full_name: 'x', session_secret: publicKey }, as: alice }),
        403,
      );
      expectMixinError(
        await botClient.post('/users', {
          body: { full_name: 'x', session_secret: publicKey },
          as: { token: e2e.tokens.member },
        }),
        403,
      );
      expectMixinError(
        await botClient.post('/users', { body: { full_name: 'x', session_secret: 'short' } }),
        400,
        /session_secret/,
      );
    });
  });

  describe('what a signed request must be', () => {
    it('a valid signed request passes, its X-Request-Id echoed', async () => {
      const requestId = randomUUID();
      const res = await createAs(botClient.as(alice), randomUUID(), { requestId });
      expectMixinOk(res);
      expect(res.headers.get('x-request-id')).toBe(requestId);
    });

    it('a wrong signature, another session’s key, a tampered body, an expired token, an unknown session → 401', async () => {
      const bob = await createNetworkUser(botClient, 'Bob');
      const cases: [string, Promise<Awaited<ReturnType<MixinClient['post']>>>][] = [
        [
          'signature',
          createAs(botClient.as(alice), randomUUID(), { overrides: { signWith: newKeyPair().privateKey } }),
        ],
        ['another session', createAs(botClient.as({ ...alice, privateKey: bob.privateKey }))],
        ['session of another user', createAs(botClient.as({ ...bob, sessionId: alice.sessionId }))],
        [
          'tampered body',
          createAs(botClient.as(alice), randomUUID(), {
            overrides: { sigOver: { method: 'POST', url: '/conversations', body: '{}' } },
          }),
        ],
        [
          'expired',
          createAs(botClient.as(alice), randomUUID(), {
            overrides: { claims: { iat: 1_600_000_000, exp: 1_600_003_600 } },
          }),
        ],
        ['unknown session', createAs(botClient.as({ ...alice, sessionId: randomUUID() }))],
        ['scope', createAs(botClient.as(alice), randomUUID(), { overrides: { claims: { scp: 'PROFILE:READ' } } })],
      ];
      for (const [what, attempt] of cases) {
        const res = await attempt;
        expect({ what, status: res.status }).toEqual({ what, status: 401 });
        expectMixinError(res, 401);
      }
    });

    it('a replayed token (the same jti) → 401 the second time', async () => {
      const requestId = randomUUID();
      const id = randomUUID();
      const body = JSON.stringify({ category: 'GROUP', conversation_id: id, name: 'once', participants: [] });
      const signed = signedToken(alice, { method: 'POST', url: '/conversations', body }, requestId);
      const client = new MixinClient(e2e.stack.baseUrl);
      expectMixinOk(await client.post('/conversations', { body, as: { token: signed }, requestId }));
      expectMixinError(await client.post('/conversations', { body, as: { token: signed }, requestId }), 401, /replay/);
    });

    it('no token, or garbage → 401 in the Mixin envelope', async () => {
      expectMixinError(await botClient.get(`/conversations/${randomUUID()}`, { as: null }), 401);
      expectMixinError(await botClient.get(`/conversations/${randomUUID()}`, { as: { token: 'garbage' } }), 401);
    });
  });

  describe("Cohort's own tokens", () => {
    it('a user token acts as its user; an app token with ?user_id acts as that user; a user token naming another user_id → 401', async () => {
      const mine = expectMixinOk(await createAs(botClient, randomUUID(), { as: { token: e2e.tokens.owner } }));
      expect(mine.creator_id).toBe(e2e.users.owner);
      const id = randomUUID();
      const client = new MixinClient(e2e.stack.baseUrl);
      const actedAs = expectMixinOk(
        await client.post(`/conversations?user_id=${e2e.users.member}`, {
          body: { category: 'GROUP', conversation_id: id, name: 'x', participants: [] },
          as: { token: e2e.tokens.app },
        }),
      );
      expect(actedAs.creator_id).toBe(e2e.users.member);
      expectMixinError(
        await client.get(`/conversations/${id}?user_id=${e2e.users.member}`, { as: { token: e2e.tokens.owner } }),
        401,
      );
    });

    it('the bot acts as a user with ?user_id too (it is the app admin)', async () => {
      const id = randomUUID();
      const created = expectMixinOk(
        await botClient.post(`/conversations?user_id=${alice.userId}`, {
          body: { category: 'GROUP', conversation_id: id, name: 'for alice', participants: [] },
        }),
      );
      expect(created.creator_id).toBe(alice.userId);
    });
  });
});
