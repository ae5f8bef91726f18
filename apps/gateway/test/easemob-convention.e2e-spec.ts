// The Easemob calling convention on its member routes, through the real built stack: the
// success envelope, the app token (and who is refused), the app named by the path, and bodies as
// the SDK sends them. The demo app is configured as org `acme`, app `chat` here, so that the
// envelope's names cannot be mixed up; a second app gives "another app's token".
import { createChatroom, EasemobClient, expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { APP_ID, CLIENT_ID, CLIENT_SECRET, newUserId } from './group-e2e.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';

const ACME = { org: 'acme', app: 'chat', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const OTHER = { org: 'otherorg', app: 'otherapp', clientId: 'other-client', clientSecret: 'other-secret-123' };
const APPS_JSON = JSON.stringify([
  { appId: APP_ID, orgName: ACME.org, appName: ACME.app, clientId: ACME.clientId, clientSecret: ACME.clientSecret },
  {
    appId: 'other',
    orgName: OTHER.org,
    appName: OTHER.app,
    clientId: OTHER.clientId,
    clientSecret: OTHER.clientSecret,
  },
]);
const PUBLIC_BASE_URL = 'https://im.example.test';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Easemob calling convention (envelope, auth, bodies)', () => {
  const e2e = useGroupStack('easemob-convention', {
    db: false,
    appEnv: { gateway: { APPS_JSON, PUBLIC_BASE_URL } },
    env: HIGH_RATE_LIMIT,
  });
  const { owner, member } = e2e.users;
  let acme: EasemobClient;
  let application: string;
  let room: string;
  const [m2, m3] = [newUserId(), newUserId()];

  beforeAll(async () => {
    acme = new EasemobClient(e2e.stack.baseUrl, ACME);
    ({ application } = await acme.login());
    room = await createChatroom(e2e.api, e2e.tokens.app, owner, [member, m2, m3]);
  });

  describe('the success envelope', () => {
    it('names the action, the app, the URL without its query, and the times; a list adds count and params', async () => {
      const before = Date.now();
      const res = await acme.get(`/chatrooms/${room}/users`, { query: { pagesize: 2, pagenum: 2 } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Object.keys(res.body).sort()).toEqual(
        [
          'action',
          'application',
          'applicationName',
          'count',
          'data',
          'duration',
          'entities',
          'organization',
          'params',
          'timestamp',
          'uri',
        ].sort(),
      );
      expect(res.body).toEqual({
        action: 'get',
        application,
        applicationName: 'chat',
        organization: 'acme',
        uri: `${PUBLIC_BASE_URL}/acme/chat/chatrooms/${room}/users`,
        entities: [],
        data: expect.any(Array),
        timestamp: expect.any(Number),
        duration: expect.any(Number),
        count: 2,
        params: { pagesize: ['2'], pagenum: ['2'] },
      });
      expect(application).toMatch(UUID);
      expect(res.body.data).toHaveLength(2);
      expect(res.body.timestamp).toBeGreaterThanOrEqual(before);
      expect(res.body.timestamp).toBeLessThanOrEqual(Date.now());
      expect(Number.isInteger(res.body.duration) && res.body.duration >= 0).toBe(true);
    });

    it('gives the effective paging as params when none is sent, and the method as action', async () => {
      const list = await acme.get(`/chatrooms/${room}/users`);
      expect(list.body).toMatchObject({ action: 'get', count: 4, params: { pagenum: ['1'], pagesize: ['1000'] } });
      const added = await acme.post(`/chatrooms/${room}/users/${newUserId()}`);
      expect(added.body).toMatchObject({ action: 'post', uri: expect.stringMatching(/\/users\/[0-9]+$/) });
      expect(added.body).not.toHaveProperty('count');
      expect(added.body).not.toHaveProperty('params');
    });
  });

  describe('the app token', () => {
    const usersOf = (client: EasemobClient, token: string | null) => client.get(`/chatrooms/${room}/users`, { token });

    it('no token, a token that is not one, or a user token → 401', async () => {
      const userToken = await e2e.api.token(owner);
      for (const token of [null, 'nope', userToken])
        expectEasemobError(await usersOf(acme, token), 401, 'unauthorized');
      // Only Authorization: Bearer carries it
      const { token } = await acme.login();
      expectEasemobError(
        await acme.get(`/chatrooms/${room}/users`, { token: null, headers: { 'access-token': token } }),
        401,
        'unauthorized',
      );
    });

    it("another app's token, or this app's token on another app's path → 401", async () => {
      const other = new EasemobClient(e2e.stack.baseUrl, OTHER);
      const { token: otherToken } = await other.login();
      const { token: acmeToken } = await acme.login();
      expectEasemobError(await usersOf(acme, otherToken), 401, 'unauthorized');
      expectEasemobError(await usersOf(other, acmeToken), 401, 'unauthorized');
    });

    it('an org/app no app has → 404, with or without a token', async () => {
      const { token } = await acme.login();
      for (const app of [
        { ...ACME, app: 'nope' },
        { ...ACME, org: 'demo', app: 'demo' },
      ]) {
        const client = new EasemobClient(e2e.stack.baseUrl, app);
        expectEasemobError(await usersOf(client, token), 404, 'resource_not_found', /not found/);
        expectEasemobError(await usersOf(client, null), 404, 'resource_not_found');
      }
    });

    it('a chatroom id that is not decimal digits is an unknown endpoint → 404; an unknown chatroom → 404', async () => {
      expectEasemobError(await acme.get('/chatrooms/abc/users'), 404, 'resource_not_found');
      expectEasemobError(await acme.get('/chatrooms/1234567/users'), 404, 'resource_not_found');
    });
  });

  describe('bodies as the SDK sends them', () => {
    it('JSON without Content-Type; unknown fields ignored', async () => {
      const [a, b] = [newUserId(), newUserId()];
      const res = await acme.post(`/chatrooms/${room}/users`, {
        body: { usernames: [a, b], scale: 'large', need_verify: false },
      });
      expect(expectEasemobOk(res)).toEqual({ newmembers: [a, b], action: 'add_member', id: room });
    });

    it('a bodyless POST with Content-Length: 0, with or without a JSON Content-Type', async () => {
      const withType = await acme.post(`/chatrooms/${room}/users/${newUserId()}`, {
        headers: { 'content-type': 'application/json' },
      });
      expect(expectEasemobOk(withType)).toMatchObject({ result: true });
      const without = await acme.post(`/chatrooms/${room}/users/${newUserId()}`);
      expect(expectEasemobOk(without)).toMatchObject({ result: true });
    });

    it('a body that is not JSON → 400', async () => {
      expectEasemobError(
        await acme.post(`/chatrooms/${room}/users`, { body: 'usernames=a' }),
        400,
        'invalid_parameter',
        /^body: is not valid JSON$/,
      );
    });
  });
});
