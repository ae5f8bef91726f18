// The Mixin e2e suites' client: requests signed as Mixin's SDKs sign them (a fresh EdDSA JWT per
// request with a session's Ed25519 key: uid, sid, iat, exp, jti = X-Request-Id, sig = sha256 of
// method + path?query + body, scp FULL), or with Cohort's own tokens; every answer checked against
// the stack's /openapi.json (raw-http.ts).
import { createHash, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';

import type { HttpResult } from './group-e2e.helpers';
import { rawRequest } from './raw-http';

/** A session a client signs with: its user, its id and the private half of its key. */
export interface MixinKeystore {
  userId: string;
  sessionId: string;
  privateKey: KeyObject;
}

/** An Ed25519 key pair; `publicKey` as its 32 raw bytes in base64url (what Mixin calls the session secret). */
export function newKeyPair(): { privateKey: KeyObject; publicKey: string; seedHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16);
  return { privateKey, publicKey: raw.toString('base64url'), seedHex: seed.toString('hex') };
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** What a signed token may be made to say, for tests of what the gateway refuses. */
export interface TokenOverrides {
  claims?: Record<string, unknown>;
  /** Sign with this key instead of the keystore's. */
  signWith?: KeyObject;
  /** Compute `sig` over this request instead of the one sent. */
  sigOver?: { method: string; url: string; body: string };
}

/** A token as Mixin's SDKs sign it for `method url body`. */
export function signedToken(
  keystore: MixinKeystore,
  request: { method: string; url: string; body: string },
  requestId: string,
  overrides: TokenOverrides = {},
): string {
  const over = overrides.sigOver ?? request;
  const iat = Math.floor(Date.now() / 1000);
  const payload = {
    uid: keystore.userId,
    sid: keystore.sessionId,
    iat,
    exp: iat + 3600,
    jti: requestId,
    sig: createHash('sha256').update(`${over.method}${over.url}${over.body}`).digest('hex'),
    scp: 'FULL',
    ...overrides.claims,
  };
  const input = `${b64url({ alg: 'EdDSA', typ: 'JWT' })}.${b64url(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), overrides.signWith ?? keystore.privateKey).toString('base64url')}`;
}

export interface MixinCallOptions {
  /** JSON body (a value, sent as JSON text) or a string sent as is. */
  body?: unknown;
  /** Signed by this session (default the client's), or a bearer token of ours, or null for none. */
  as?: MixinKeystore | { token: string } | null;
  overrides?: TokenOverrides;
  /** Send this request id (and jti) instead of a fresh one. */
  requestId?: string;
}

/** Mixin's clients' view of one stack. */
export class MixinClient {
  constructor(
    readonly baseUrl: string,
    readonly keystore?: MixinKeystore,
  ) {}

  /** The same client signing as another session. */
  as(keystore: MixinKeystore): MixinClient {
    return new MixinClient(this.baseUrl, keystore);
  }

  async call(method: string, url: string, options: MixinCallOptions = {}): Promise<HttpResult> {
    const body =
      options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const requestId = options.requestId ?? randomUUID();
    const as = options.as === undefined ? this.keystore : options.as;
    const headers: Record<string, string> = { 'x-request-id': requestId, 'content-type': 'application/json' };
    if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
    else if (as)
      headers.authorization = `Bearer ${signedToken(as, { method, url, body }, requestId, options.overrides)}`;
    return rawRequest(this.baseUrl, method, url, headers, method === 'GET' ? undefined : body);
  }

  get(url: string, options?: MixinCallOptions) {
    return this.call('GET', url, options);
  }
  post(url: string, options?: MixinCallOptions) {
    return this.call('POST', url, options);
  }
}

/** A 200 `{data}`: returns `data`. */
export function expectMixinOk(res: HttpResult): Record<string, unknown> & { [key: string]: unknown } {
  expect({ status: res.status, keys: Object.keys(res.body ?? {}) }).toEqual({ status: 200, keys: ['data'] });
  return res.body.data;
}

/** A Mixin error: HTTP `status`, `{error: {status, code, description}}`, the description matching when given. */
export function expectMixinError(res: HttpResult, status: number, description?: RegExp): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: {
      error: {
        status,
        code: status,
        description: description ? expect.stringMatching(description) : expect.any(String),
      },
    },
  });
}

/** An app config of the demo app with a Mixin bot, and the bot's keystore. */
export function demoAppWithBot(): { appsJson: string; bot: MixinKeystore } {
  const { privateKey, publicKey } = newKeyPair();
  const bot = { userId: randomUUID(), sessionId: randomUUID(), privateKey };
  const app = {
    appId: 'demo',
    orgName: 'demo',
    appName: 'demo',
    clientId: 'demo',
    clientSecret: 'demo-secret',
    mixin: { botUserId: bot.userId, botSessionId: bot.sessionId, botPublicKey: publicKey },
  };
  return { appsJson: JSON.stringify([app]), bot };
}

/** Creates a network user through `POST /users` as `client`'s session (the bot): their keystore. */
export async function createNetworkUser(
  client: MixinClient,
  fullName = 'user',
): Promise<MixinKeystore & { publicKey: string; seedHex: string }> {
  const { privateKey, publicKey, seedHex } = newKeyPair();
  const data = expectMixinOk(
    await client.post('/users', { body: { full_name: fullName, session_secret: publicKey } }),
  ) as { user_id: string; session_id: string };
  return { userId: data.user_id, sessionId: data.session_id, privateKey, publicKey, seedHex };
}

/** POST /conversations by `owner` with `participants`: a new GROUP conversation under a fresh id; its answer. */
export async function createConversation(
  client: MixinClient,
  owner: MixinKeystore,
  participants: MixinKeystore[],
  name = 'conversation',
): Promise<Record<string, unknown> & { conversation_id: string }> {
  const body = {
    category: 'GROUP',
    conversation_id: randomUUID(),
    name,
    participants: participants.map(({ userId }) => ({ user_id: userId })),
  };
  return expectMixinOk(await client.as(owner).post('/conversations', { body })) as Record<string, unknown> & {
    conversation_id: string;
  };
}

/** The answer keys of a conversation, sorted. */
export const CONVERSATION_KEYS = [
  'announcement',
  'category',
  'circles',
  'code_id',
  'code_url',
  'conversation_id',
  'created_at',
  'creator_id',
  'expire_in',
  'icon_url',
  'mute_until',
  'name',
  'participant_sessions',
  'participants',
  'type',
];

/** RFC 3339 with nanoseconds, UTC, as Mixin writes times. */
export const RFC3339_NANO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;
