import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

import {
  checkSignedToken,
  ed25519PublicKey,
  isSignedToken,
  parseSignedToken,
  requestDigest,
  type SignedRequest,
} from './mixin-signed-token';

const NOW = 1_800_000_000;
const UID = '8dcf823d-9eb3-4da2-8734-f0aad50c0da6';
const SID = 'e8e5b807-fa8b-455a-8dfa-b189d28310ff';
const request: SignedRequest = { method: 'POST', url: '/conversations/abc?x=1', body: '{"name":"n"}' };

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token as Mixin's SDKs sign it, with `claims` changed. */
function signed(
  privateKey: KeyObject,
  claims: Record<string, unknown> = {},
  header: object = { alg: 'EdDSA', typ: 'JWT' },
): string {
  const payload = {
    uid: UID,
    sid: SID,
    iat: NOW,
    exp: NOW + 3600,
    jti: 'req-1',
    sig: requestDigest(request),
    scp: 'FULL',
    ...claims,
  };
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

describe('Mixin signed tokens', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const key = ed25519PublicKey(raw.toString('base64url'));
  const check =
    (token: string, req = request, now = NOW) =>
    () =>
      checkSignedToken(parseSignedToken(token), key, req, now);

  it('tells signed tokens (EdDSA) from the ones Cohort issues', () => {
    expect(isSignedToken(signed(privateKey))).toBe(true);
    expect(isSignedToken(`${b64url({ alg: 'HS256', typ: 'JWT' })}.e30.x`)).toBe(false);
    expect(isSignedToken('garbage')).toBe(false);
  });

  it('accepts a genuine request; reads the key in standard base64 too', () => {
    expect(check(signed(privateKey))).not.toThrow();
    expect(() =>
      checkSignedToken(parseSignedToken(signed(privateKey)), ed25519PublicKey(raw.toString('base64')), request, NOW),
    ).not.toThrow();
  });

  it('refuses another key, a changed body, path or method, an expired token, a future one, a too long one, another scope', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const refusals: [string, () => void][] = [
      ['invalid signature', check(signed(other))],
      ['sig does not match', check(signed(privateKey), { ...request, body: '{"name":"m"}' })],
      ['sig does not match', check(signed(privateKey), { ...request, url: '/conversations/abd?x=1' })],
      ['sig does not match', check(signed(privateKey), { ...request, method: 'GET' })],
      ['token expired', check(signed(privateKey, { iat: NOW - 7200, exp: NOW - 3600 }))],
      ['issued in the future', check(signed(privateKey, { iat: NOW + 600, exp: NOW + 900 }))],
      ['lifetime longer', check(signed(privateKey, { exp: NOW + 86_400 }))],
      ['scope must be FULL', check(signed(privateKey, { scp: 'PROFILE:READ' }))],
    ];
    for (const [message, attempt] of refusals)
      expect(attempt).toThrow(
        expect.objectContaining({ code: 'unauthorized', message: expect.stringContaining(message) }),
      );
  });

  it('tolerates a minute of clock skew either way', () => {
    expect(check(signed(privateKey, { iat: NOW + 50, exp: NOW + 110 }))).not.toThrow();
    expect(check(signed(privateKey, { iat: NOW - 3650, exp: NOW - 50 }))).not.toThrow();
  });

  it('refuses malformed tokens and claims', () => {
    expect(() => parseSignedToken('a.b')).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(() => parseSignedToken(signed(privateKey, { uid: 'not-a-uuid' }))).toThrow(
      expect.objectContaining({ message: expect.stringContaining('claims') }),
    );
    expect(() => parseSignedToken(signed(privateKey, { jti: '' }))).toThrow(
      expect.objectContaining({ code: 'unauthorized' }),
    );
  });
});
