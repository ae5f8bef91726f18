// The Easemob e2e suites' client: calls as Easemob's server SDKs send them (an app token from
// POST /{org}/{app}/token as `Authorization: Bearer`, JSON bodies without Content-Type,
// `Content-Length: 0` when a POST, PUT or DELETE has no body), every answer checked against the
// stack's /openapi.json (raw-http.ts), and the Easemob envelope assertions.
import { type Api, CLIENT_ID, CLIENT_SECRET, type HttpResult, type Loose } from './group-e2e.helpers';
import { rawRequest } from './raw-http';

/** The default app's org_name and app_name (the gateway's default apps config). */
export const DEMO_APP = { org: 'demo', app: 'demo', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };

export interface EasemobApp {
  org: string;
  app: string;
  clientId: string;
  clientSecret: string;
}

export interface EasemobCallOptions {
  /** Sent as `Authorization: Bearer`; default the client's app token, null for none. */
  token?: string | null;
  /** A JSON body (sent as JSON text without Content-Type), or a string sent as is. */
  body?: unknown;
  query?: Record<string, string | number>;
  headers?: Record<string, string>;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'DELETE']);

/** An Easemob SDK's view of one app of a stack. */
export class EasemobClient {
  private appToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly app: EasemobApp = DEMO_APP,
  ) {}

  /** `/{org}/{app}` */
  get prefix(): string {
    return `/${this.app.org}/${this.app.app}`;
  }

  /** POST /{org}/{app}/token with the app's client credentials; throws unless 200. */
  async login(): Promise<{ token: string; application: string }> {
    const credentials = {
      grant_type: 'client_credentials',
      client_id: this.app.clientId,
      client_secret: this.app.clientSecret,
    };
    const res = await rawRequest(this.baseUrl, 'POST', `${this.prefix}/token`, {}, JSON.stringify(credentials));
    if (res.status !== 200 || typeof res.body?.access_token !== 'string') {
      throw new Error(`POST ${this.prefix}/token answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    this.appToken = res.body.access_token;
    return { token: res.body.access_token, application: res.body.application };
  }

  /** `method /{org}/{app}{path}` as the SDK sends it. */
  async call(method: string, path: string, options: EasemobCallOptions = {}): Promise<HttpResult> {
    const token = options.token === undefined ? (this.appToken ?? (await this.login()).token) : options.token;
    const headers: Record<string, string> = {
      ...options.headers,
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
    };
    const body =
      options.body === undefined
        ? BODY_METHODS.has(method)
          ? ''
          : undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    const query = options.query
      ? `?${new URLSearchParams(Object.entries(options.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`
      : '';
    return rawRequest(this.baseUrl, method, `${this.prefix}${path}${query}`, headers, body);
  }

  get(path: string, options?: EasemobCallOptions) {
    return this.call('GET', path, options);
  }
  post(path: string, options?: EasemobCallOptions) {
    return this.call('POST', path, options);
  }
  put(path: string, options?: EasemobCallOptions) {
    return this.call('PUT', path, options);
  }
  delete(path: string, options?: EasemobCallOptions) {
    return this.call('DELETE', path, options);
  }
}

/** A 200 Easemob envelope: returns its `data`. */
export function expectEasemobOk(res: HttpResult): unknown {
  expect({ status: res.status, body: res.body }).toEqual({
    status: 200,
    body: expect.objectContaining({
      action: expect.any(String),
      entities: [],
      data: expect.anything(),
      timestamp: expect.any(Number),
      duration: expect.any(Number),
    }),
  });
  return res.body.data;
}

/** An Easemob error at `status` of type `type`, its description matching `description` when given. */
export function expectEasemobError(res: HttpResult, status: number, type: string, description?: RegExp | string): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: {
      error: type,
      exception: expect.any(String),
      timestamp: expect.any(Number),
      duration: expect.any(Number),
      error_description:
        description === undefined
          ? expect.any(String)
          : typeof description === 'string'
            ? description
            : expect.stringMatching(description),
    },
  });
}

/**
 * A chatroom created through POST /group/create (type 2) with an app-admin token acting as
 * `owner`, with `members` besides the owner (numeric ids: /group's user ids are int64). Its id.
 */
export async function createChatroom(
  api: Api,
  appToken: string,
  owner: string,
  members: string[] = [],
  name = 'room',
): Promise<string> {
  const info = await api.createGroup(appToken, { type: 2, name, user_list: members }, { user_id: owner });
  return String(info.group_id);
}

/** POST /chatrooms (Easemob) as the app admin with `body` (name defaults to `room`); throws unless 200. Its id. */
export async function createEasemobChatroom(easemob: EasemobClient, body: Record<string, unknown>): Promise<string> {
  const res = await easemob.post('/chatrooms', { body: { name: 'room', ...body } });
  if (res.status !== 200 || typeof res.body?.data?.id !== 'string') {
    throw new Error(`POST ${easemob.prefix}/chatrooms answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body.data.id;
}

/** GET /chatrooms/{ids} (Easemob): the details of the chatrooms found, asserting the envelope's list. */
export async function chatroomDetails(easemob: EasemobClient, ids: string | string[]): Promise<Loose[]> {
  const res = await easemob.get(`/chatrooms/${[ids].flat().join(',')}`);
  const data = expectEasemobOk(res) as Loose[];
  expect(res.body.count).toBe(data.length);
  return data;
}

/** GET /chatrooms (Easemob) page after page: every chatroom of the app. */
export async function everyChatroom(easemob: EasemobClient): Promise<Loose[]> {
  const rooms: Loose[] = [];
  let cursor: string | undefined;
  do {
    const res = await easemob.get('/chatrooms', { query: { limit: 100, ...(cursor ? { cursor } : {}) } });
    rooms.push(...(expectEasemobOk(res) as Loose[]));
    cursor = res.body.cursor;
  } while (cursor);
  return rooms;
}
