// Shared helpers of the /group e2e suites: tokens, HTTP calls (global fetch) and direct reads of
// the services' databases (for "nothing was written" / "the event was consumed" assertions).
import { MongoClient, type Db } from 'mongodb';
import type { Stack } from '@cohort/testing';

export const APP_ID = 'demo';
export const CLIENT_ID = 'demo';
export const CLIENT_SECRET = 'demo-secret';

/** Every key of the group info of seed 4.16 / 4.24 / 4.42, sorted. */
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

/** Every key of the short group info of seed 4.26, sorted. */
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
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: body as T, headers: response.headers };
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

  /** POST /token; `user_id` makes it a user token. Throws unless 200. */
  async token(userId?: string): Promise<string> {
    const res = await fetch(new URL('/token', this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...(userId ? { user_id: userId } : {}) }),
    });
    const body = (await res.json()) as { access_token?: string };
    if (res.status !== 200 || typeof body.access_token !== 'string') {
      throw new Error(`POST /token answered ${res.status}: ${JSON.stringify(body)}`);
    }
    return body.access_token;
  }

  /** POST /group/create as `token` (with user_id for an app token); throws unless 200. Returns the info. */
  async createGroup(
    token: string,
    body: Record<string, unknown> = {},
    query: Record<string, string> = {},
  ): Promise<GroupInfo> {
    const res = await this.post<Envelope<GroupInfo>>('/group/create', { token, body: { name: 'g', ...body }, query });
    if (res.status !== 200 || !res.body?.data) {
      throw new Error(`POST /group/create answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
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
 * The /group error envelope: HTTP `status`, body exactly `{code: status, message, data: null}`
 * where message is `<code>: <text>` and the text matches `text` (e.g. the field it names).
 */
export function expectGroupError(res: HttpResult, status: number, code: string, text?: RegExp): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: { code: status, message: expect.stringMatching(new RegExp(`^${code}: .+`)), data: null },
  });
  expect(Object.keys(res.body as object).sort()).toEqual(['code', 'data', 'message']);
  if (text) expect((res.body as Envelope).message).toMatch(text);
}

/** 400 invalid_parameter whose message names `field`. */
export function expectInvalid(res: HttpResult, field: string): void {
  expectGroupError(res, 400, 'invalid_parameter', new RegExp(`\\b${field}\\b`));
}

/** Direct access to the services' databases of a stack. */
export class StackDb {
  private constructor(
    private readonly client: MongoClient,
    readonly groupsDb: Db,
    readonly membershipDb: Db,
  ) {}

  static async connect(stack: Stack): Promise<StackDb> {
    const client = new MongoClient(stack.mongoUrl);
    await client.connect();
    return new StackDb(client, client.db(stack.dbNames.groups), client.db(stack.dbNames.membership));
  }

  get groups() {
    return this.groupsDb.collection('groups');
  }
  get rosters() {
    return this.membershipDb.collection('rosters');
  }
  get members() {
    return this.membershipDb.collection('members');
  }

  /** How many documents each of groups / rosters / members holds (for "nothing written"). */
  async counts(): Promise<{ groups: number; rosters: number; members: number }> {
    const [groups, rosters, members] = await Promise.all([
      this.groups.countDocuments({}),
      this.rosters.countDocuments({}),
      this.members.countDocuments({}),
    ]);
    return { groups, rosters, members };
  }

  /** userId → role of the group's members. */
  async roles(groupId: number | string): Promise<Record<string, string>> {
    const docs = await this.members.find({ appId: APP_ID, groupId: String(groupId) }).toArray();
    return Object.fromEntries(docs.map((d) => [String(d.userId), String(d.role)]));
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** RATE_LIMIT_PER_SECOND high enough that suites other than auth never hit it. */
export const HIGH_RATE_LIMIT = { RATE_LIMIT_PER_SECOND: '10000' };
