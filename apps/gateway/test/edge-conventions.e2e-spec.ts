// Bodies and request ids as real clients send them, in every dialect, through the real built
// stack: JSON without Content-Type (Easemob's server SDK), empty bodies, unknown fields, bodies
// that are not JSON, and X-Request-Id. Requests are written with node:http (raw-http.ts) so that
// exactly the given headers leave; every answer is checked against /openapi.json like the
// answers of Api.
import {
  APP_ID,
  CLIENT_ID,
  CLIENT_SECRET,
  expectEdgeError,
  expectGroupError,
  expectOk,
  type HttpResult,
  newUserId,
} from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';
import { rawRequest } from './raw-http';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EASEMOB_CREDENTIALS = { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET };

describe('edge conventions: bodies and request ids in every dialect', () => {
  const e2e = useGroupStack('edge-conventions');
  const { owner } = e2e.users;

  /** `method path` with exactly `headers` and `body` (raw-http.ts). */
  const raw = (
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<HttpResult> => rawRequest(e2e.stack.baseUrl, method, path, headers, body);

  /** A /group call as `token` in the headers, app_id in the query. */
  const groupCall = (
    method: string,
    path: string,
    token: string,
    headers: Record<string, string> = {},
    body?: string,
  ) =>
    raw(
      method,
      `${path}${path.includes('?') ? '&' : '?'}app_id=${APP_ID}`,
      { 'access-token': token, ...headers },
      body,
    );

  /** The Easemob error envelope at `status` with error type `type`. */
  const expectEasemobError = (res: HttpResult, status: number, type: string, description: RegExp) =>
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: {
        error: type,
        exception: expect.any(String),
        timestamp: expect.any(Number),
        duration: expect.any(Number),
        error_description: expect.stringMatching(description),
      },
    });

  describe('JSON without Content-Type is parsed as JSON', () => {
    it('POST /{org}/{app}/token (Easemob): a token', async () => {
      const res = await raw('POST', '/demo/demo/token', {}, JSON.stringify(EASEMOB_CREDENTIALS));
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: {
          access_token: expect.any(String),
          expires_in: expect.any(Number),
          application: expect.stringMatching(UUID),
        },
      });
      // an app-admin token of the demo app
      expectOk(
        await groupCall(
          'POST',
          '/group/create',
          res.body.access_token,
          { user_id: owner },
          '{"name":"via easemob token"}',
        ),
      );
    });

    it('POST /token', async () => {
      const res = await raw(
        'POST',
        '/token',
        {},
        JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
      );
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: { access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number) },
      });
    });

    it('POST /group/create, and text/plain bodies as well (what fetch sends for a string)', async () => {
      for (const headers of [{}, { 'content-type': 'text/plain;charset=UTF-8' }] as Record<string, string>[]) {
        const res = await groupCall(
          'POST',
          '/group/create',
          e2e.tokens.owner,
          headers,
          '{"name":"no content type","description":"d"}',
        );
        expectOk(res);
        expect(res.body.data).toMatchObject({
          name: 'no content type',
          description: 'd',
          owner_id: Number(owner),
          count: 1,
        });
        expect(await e2e.db.storedGroup(res.body.data.group_id)).toMatchObject({
          name: 'no content type',
          description: 'd',
          ownerId: owner,
        });
      }
    });
  });

  describe('an empty body is {}', () => {
    it.each([
      ['Content-Type: application/json', { 'content-type': 'application/json' }],
      ['no Content-Type', {}],
    ])('POST /group/create with %s and zero length: the owner alone', async (_label, headers) => {
      const res = await groupCall('POST', '/group/create', e2e.tokens.owner, headers, '');
      expectOk(res);
      expect(res.body.data).toMatchObject({ name: '', type: 0, count: 1, owner_id: Number(owner) });
      expect(await e2e.db.roles(res.body.data.group_id)).toEqual({ [owner]: 'owner' });
    });

    it('a bodyless POST /group/destroy with Content-Type: application/json', async () => {
      const group = await e2e.api.createGroup(e2e.tokens.owner, { name: 'empty body destroy' });
      const res = await groupCall(
        'POST',
        `/group/destroy?group_id=${group.group_id}`,
        e2e.tokens.owner,
        { 'content-type': 'application/json' },
        '',
      );
      expectOk(res, true);
      expect(await e2e.db.storedGroup(group.group_id)).toMatchObject({ status: 'dissolved' });
    });

    it('POST /{org}/{app}/token with an empty JSON body: validated as {} (names grant_type), not a parse error', async () => {
      const res = await raw('POST', '/demo/demo/token', { 'content-type': 'application/json' }, '');
      expectEasemobError(res, 400, 'invalid_parameter', /grant_type/);
    });
  });

  describe('unknown fields are ignored', () => {
    it('POST /group/create: extra fields neither refused nor stored', async () => {
      const body = { name: 'extras', scale: 'large', need_verify: true, owner_id: 1, settings: { readAck: true } };
      const res = await groupCall(
        'POST',
        '/group/create',
        e2e.tokens.owner,
        { 'content-type': 'application/json' },
        JSON.stringify(body),
      );
      expectOk(res);
      expect(res.body.data).toMatchObject({ name: 'extras', owner_id: Number(owner), read_ack: false });
      const stored = await e2e.db.storedGroup(res.body.data.group_id);
      expect(stored).toMatchObject({ name: 'extras', ownerId: owner, settings: { readAck: false } });
      expect(stored).not.toHaveProperty('scale');
      expect(stored).not.toHaveProperty('need_verify');
    });

    it('POST /{org}/{app}/token with extra fields: a token', async () => {
      const res = await raw(
        'POST',
        '/demo/demo/token',
        {},
        JSON.stringify({ ...EASEMOB_CREDENTIALS, ttl: 0, autoDelete: true }),
      );
      expect(res.status).toBe(200);
      expect(res.body.access_token).toEqual(expect.any(String));
    });
  });

  describe('a body that is not JSON → 400 in the envelope of the dialect', () => {
    it('/group: HTTP 400, code 400; nothing written', async () => {
      const before = await e2e.db.counts();
      const contentTypes: Record<string, string>[] = [
        { 'content-type': 'application/json' },
        {},
        { 'content-type': 'application/x-www-form-urlencoded' },
      ];
      for (const headers of contentTypes) {
        const res = await groupCall('POST', '/group/create', e2e.tokens.owner, headers, 'name=x');
        expectEdgeError(res, 400, 'invalid_parameter');
        expect(res.body.message).toBe('invalid_parameter: body: is not valid JSON');
      }
      expect(await e2e.db.counts()).toEqual(before);
    });

    it('Easemob: {error, exception, timestamp, duration, error_description}', async () => {
      expectEasemobError(
        await raw('POST', '/demo/demo/token', {}, 'grant_type=client_credentials'),
        400,
        'invalid_parameter',
        /^body: is not valid JSON$/,
      );
    });

    it('Mixin: {error: {status, code, description}}', async () => {
      const res = await raw('POST', '/conversations', { 'content-type': 'application/json' }, '{"category":');
      expect({ status: res.status, body: res.body }).toEqual({
        status: 400,
        body: { error: { status: 400, code: 400, description: 'body: is not valid JSON' } },
      });
    });

    it('dialect-neutral /token: {error, message}', async () => {
      const res = await raw('POST', '/token', {}, 'client_id=demo');
      expect({ status: res.status, body: res.body }).toEqual({
        status: 400,
        body: { error: 'invalid_parameter', message: 'body: is not valid JSON' },
      });
    });
  });

  describe('X-Request-Id', () => {
    it('is echoed on every answer when sent: success, dialect error, unknown path, unparsable body, every dialect', async () => {
      const answers = await Promise.all([
        groupCall('GET', '/group/info?group_id=4000000000777', e2e.tokens.owner, { 'x-request-id': 'req-1' }),
        groupCall('POST', '/group/create', e2e.tokens.owner, { 'x-request-id': 'req-2' }, '{}'),
        raw('GET', '/group/nope', { 'x-request-id': 'req-3' }),
        raw('POST', '/group/create', { 'x-request-id': 'req-4' }, '{"'),
        raw('POST', '/demo/demo/token', { 'x-request-id': 'req-5' }, JSON.stringify(EASEMOB_CREDENTIALS)),
        raw('GET', '/conversations/nope', { 'x-request-id': 'req-6' }),
        raw('GET', '/health', { 'x-request-id': 'req-7' }),
      ]);
      expect(answers.map((res) => res.headers.get('x-request-id'))).toEqual([
        'req-1',
        'req-2',
        'req-3',
        'req-4',
        'req-5',
        'req-6',
        'req-7',
      ]);
      expectGroupError(answers[0], 404, 'group_not_found');
      expectOk(answers[1]);
      expect(answers.map((res) => res.status)).toEqual([200, 200, 404, 400, 200, 404, 200]);
    });

    it('is generated (a uuid, one per request) when absent or not a sane id', async () => {
      const [a, b, c] = await Promise.all([
        raw('GET', '/group/nope'),
        raw('POST', '/demo/demo/token', {}, '{'),
        raw('GET', '/health', { 'x-request-id': `bad id ${newUserId()}` }),
      ]);
      const ids = [a, b, c].map((res) => res.headers.get('x-request-id'));
      for (const id of ids) expect(id).toMatch(UUID);
      expect(new Set(ids).size).toBe(3);
    });
  });
});
