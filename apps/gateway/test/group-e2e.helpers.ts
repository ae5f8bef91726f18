// Shared helpers of the /group e2e suites: tokens, HTTP calls (global fetch) and envelope
// assertions. The stack fixture is in group-stack.fixture.ts, database reads in stack-db.ts.
import { randomBytes } from 'node:crypto';

import { openApiContractOf } from '@cohort/testing';

export const APP_ID = 'demo';
export const CLIENT_ID = 'demo';
export const CLIENT_SECRET = 'demo-secret';
/** The demo app's JWT key in the e2e stacks: random per test process (tests that forge tokens sign with it). */
export const DEMO_JWT_KEY = { kid: 'e2e', secret: randomBytes(32).toString('base64url') };
/** The demo app as the e2e stacks configure it (APPS_JSON), with `extra` settings. */
export const demoApp = (extra: Record<string, unknown> = {}) => ({
  appId: APP_ID,
  orgName: 'demo',
  appName: 'demo',
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  jwtKeys: [DEMO_JWT_KEY],
  ...extra,
});

/** Every key of the group info of 4.16 / 4.24 / 4.42, sorted. */
export const GROUP_INFO_KEYS = [
  'apply_approval',
  'avatar',
  'ban_expire_time',
  'capacity',
  'count',
  'created_at',
  'description',
  'ext',
  'group_id',
  'history_visible',
  'member_invite',
  'member_modify',
  'msg_mute_mode',
  'msg_push_mode',
  'name',
  'owner_id',
  'read_ack',
  'status',
  'type',
  'updated_at',
];

/** Every key of the short group info of 4.26, sorted. */
export const SHORT_GROUP_INFO_KEYS = [
  'apply_approval',
  'avatar',
  'capacity',
  'count',
  'group_id',
  'msg_mute_mode',
  'msg_push_mode',
  'name',
  'owner',
  'status',
  'type',
];

/** Response bodies are asserted field by field; typing them loosely keeps the tests readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface HttpResult<T = Loose> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  /** Sent as `access-token` (default) or `Authorization: Bearer` (auth: 'bearer'); omitted when undefined. */
  token?: string;
  auth?: 'access-token' | 'bearer';
  /** Query parameters; `app_id=demo` is added unless `app_id` is given (null drops it). */
  query?: Record<string, string | number | null | undefined>;
  /** JSON body; a string is sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * An answer as the tests read it, once the stack's /openapi.json has judged it: a status, body or
 * content type the document does not describe fails the test (openApiContractOf). A request to
 * a path no operation matches passes only as unknown (404, or 400 for a body refused first).
 */
export async function documentedAnswer(
  baseUrl: string,
  method: string,
  url: URL,
  status: number,
  headers: Headers,
  text: string,
): Promise<HttpResult> {
  (await openApiContractOf(baseUrl)).check({ method, url, status, contentType: headers.get('content-type'), text });
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status, body, headers };
}

let userSeq = 0;

/**
 * A numeric user id no other test of the run uses (the /group dialect's user ids are int64).
 * Mixes the process id in, so parallel suites sharing one Mongo never collide.
 */
export function newUserId(): string {
  userSeq += 1;
  return `${(process.pid % 90_000) + 10_000}${String(Date.now() % 1_000_000).padStart(6, '0')}${String(userSeq).padStart(4, '0')}`;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An HTTP client bound to one stack. */
export class Api {
  constructor(readonly baseUrl: string) {}

  async call<T = Loose>(method: string, path: string, options: CallOptions = {}): Promise<HttpResult<T>> {
    const url = new URL(path, this.baseUrl);
    const query = { app_id: APP_ID, ...options.query };
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) {
      if (options.auth === 'bearer') headers.authorization = `Bearer ${options.token}`;
      else headers['access-token'] = options.token;
    }
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(url, { method, headers, body: payload });
    return documentedAnswer(this.baseUrl, method, url, response.status, response.headers, await response.text());
  }

  get<T = Loose>(path: string, options?: CallOptions) {
    return this.call<T>('GET', path, options);
  }
  post<T = Loose>(path: string, options?: CallOptions) {
    return this.call<T>('POST', path, options);
  }
  put<T = Loose>(path: string, options?: CallOptions) {
    return this.call<T>('PUT', path, options);
  }
  delete<T = Loose>(path: string, options?: CallOptions) {
    return this.call<T>('DELETE', path, options);
  }

  /** POST `path` with a JSON body, outside the /group calling convention (no app_id). */
  postJson<T = Loose>(path: string, body: unknown) {
    return this.post<T>(path, { body, query: { app_id: null } });
  }

  /** POST /token; `user_id` makes it a user token. Throws unless 200. */
  async token(userId?: string): Promise<string> {
    const res = await this.postJson<{ access_token?: string }>('/token', {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      ...(userId ? { user_id: userId } : {}),
    });
    if (res.status !== 200 || typeof res.body.access_token !== 'string') {
      throw new Error(`POST /token answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body.access_token;
  }

  /** POST /group/create as `token` (with user_id for an app token); throws unless code 200. Returns the info. */
  async createGroup(
    token: string,
    body: Record<string, unknown> = {},
    query: Record<string, string> = {},
  ): Promise<GroupInfo> {
    const res = await this.post<Envelope<GroupInfo>>('/group/create', { token, body: { name: 'g', ...body }, query });
    if (res.status !== 200 || res.body?.code !== 200 || !res.body.data) {
      throw new Error(`POST /group/create answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body.data;
  }

  /** GET /group/info as `token` (acting as `userId` when given), whatever it answers. */
  getInfo(token: string | undefined, groupId: number | string, userId?: string) {
    return this.get('/group/info', { token, query: { group_id: groupId, user_id: userId } });
  }

  /** GET /group/info as `token`; asserts the success envelope and returns the info. */
  async info(token: string, groupId: number | string): Promise<GroupInfo> {
    const res = await this.getInfo(token, groupId);
    expectOk(res);
    return res.body.data;
  }
}

export interface Envelope<T = unknown> {
  code: number;
  message: string | null;
  data: T;
}

export interface GroupInfo {
  apply_approval: number;
  avatar: string;
  ban_expire_time: number;
  capacity: number;
  count: number;
  created_at: number;
  description: string;
  ext: string;
  group_id: number;
  history_visible: boolean;
  member_invite: boolean;
  member_modify: boolean;
  msg_mute_mode: number;
  msg_push_mode: number;
  name: string;
  owner_id: number;
  read_ack: boolean;
  status: number;
  type: number;
  updated_at: number;
}

/** `{code: 200, message: null, data}` with exactly those keys. */
export function expectOk<T>(res: HttpResult, data?: T): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status: 200,
    body: { code: 200, message: null, data: data === undefined ? expect.anything() : data },
  });
  expect(Object.keys(res.body as object).sort()).toEqual(['code', 'data', 'message']);
}

/**
 * The /group error envelope: body exactly `{code, message, data: null}` where message is
 * `<canonical>: <text>` and the text matches `text` (e.g. the field it names), at HTTP `httpStatus`.
 */
function expectEnvelopeError(
  res: HttpResult,
  httpStatus: number,
  code: number,
  canonical: string,
  text?: RegExp,
): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status: httpStatus,
    body: { code, message: expect.stringMatching(new RegExp(`^${canonical}: .+`)), data: null },
  });
  expect(Object.keys(res.body as object).sort()).toEqual(['code', 'data', 'message']);
  if (text) expect((res.body as Envelope).message).toMatch(text);
}

/** An error the dialect answered: HTTP 200, the outcome in `code` (as the vendor answers). */
export function expectGroupError(res: HttpResult, code: number, canonical: string, text?: RegExp): void {
  expectEnvelopeError(res, 200, code, canonical, text);
}

/** A request that never reached the dialect (unknown path, body that is not JSON): HTTP status = code. */
export function expectEdgeError(res: HttpResult, code: number, canonical: string): void {
  expectEnvelopeError(res, code, code, canonical);
}

/** 400 invalid_parameter whose message names `field`. */
export function expectInvalid(res: HttpResult, field: string): void {
  expectGroupError(res, 400, 'invalid_parameter', new RegExp(`\\b${field}\\b`));
}

/** 401 unauthorized. */
export const expectUnauthorized = (res: HttpResult): void => expectGroupError(res, 401, 'unauthorized');
/** 402: an expired token (the vendor's SDK logs in again). */
export const expectTokenExpired = (res: HttpResult): void =>
  expectGroupError(res, 402, 'unauthorized', /token expired/);
/** 403 forbidden: a member without the rights the call needs. */
export const expectForbidden = (res: HttpResult): void => expectGroupError(res, 403, 'forbidden');
/** 403 not_member: the caller is not in the group. */
export const expectNotMember = (res: HttpResult): void => expectGroupError(res, 403, 'not_member');
/** 404 group_not_found. */
export const expectGroupNotFound = (res: HttpResult): void => expectGroupError(res, 404, 'group_not_found');
/** 404 not_found at HTTP 404: no such route under /group. */
export const expectRouteNotFound = (res: HttpResult): void => expectEdgeError(res, 404, 'not_found');

/**
 * Runs `action` (typically a refused call and its error assertion) and asserts that `snapshot`
 * reads the same before and after it: the refused call changed nothing.
 */
export async function expectUnchanged<T>(snapshot: () => Promise<T>, action: () => Promise<unknown>): Promise<void> {
  const before = await snapshot();
  await action();
  expect(await snapshot()).toEqual(before);
}
