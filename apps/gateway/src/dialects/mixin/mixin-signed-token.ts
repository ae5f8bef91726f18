import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';

import { UUID_PATTERN } from '@cohort/contracts';

import { unauthorized } from '../../auth/token-errors';

/** The claims of a token Mixin's SDKs sign for every request with a session's Ed25519 key. */
export interface SignedClaims {
  uid: string;
  sid: string;
  iat: number;
  exp: number;
  jti: string;
  sig: string;
  scp: string;
}

export interface ParsedSignedToken {
  claims: SignedClaims;
  /** `header.payload`, what the signature signs. */
  signingInput: string;
  signature: Buffer;
}

/** What a signed token must match of the request that carried it. */
export interface SignedRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  /** The body exactly as received ("" without one). */
  body: string;
}

/** Clock skew tolerated between the client and us, in seconds. */
export const CLOCK_SKEW_SECONDS = 60;
/** The longest token lifetime accepted (Mixin's Node SDK signs for an hour): a used token id is remembered that long. */
export const MAX_TOKEN_SECONDS = 3600;

const decodePart = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** Whether a bearer token is a Mixin signed request (EdDSA) rather than a token Cohort issued. */
export function isSignedToken(token: string): boolean {
  try {
    return (decodePart(token.split('.')[0]) as { alg?: unknown }).alg === 'EdDSA';
  } catch {
    return false;
  }
}

/** The token's parts; anything malformed is 401. */
export function parseSignedToken(token: string): ParsedSignedToken {
  const parts = token.split('.');
  if (parts.length !== 3) throw unauthorized('invalid token');
  let claims: Partial<SignedClaims>;
  try {
    claims = decodePart(parts[1]) as Partial<SignedClaims>;
  } catch {
    throw unauthorized('invalid token');
  }
  const { uid, sid, iat, exp, jti, sig, scp } = claims;
  const valid =
    typeof uid === 'string' &&
    UUID_PATTERN.test(uid) &&
    typeof sid === 'string' &&
    UUID_PATTERN.test(sid) &&
    Number.isInteger(iat) &&
    Number.isInteger(exp) &&
    typeof jti === 'string' &&
    jti.length > 0 &&
    jti.length <= 128 &&
    typeof sig === 'string' &&
    typeof scp === 'string';
  if (!valid) throw unauthorized('invalid token claims');
  return {
    claims: claims as SignedClaims,
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2], 'base64url'),
  };
}

/** An Ed25519 public key from its 32 raw bytes in base64 or base64url. */
export function ed25519PublicKey(base64: string): KeyObject {
  const raw = Buffer.from(base64.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  // SubjectPublicKeyInfo of an Ed25519 key: this fixed prefix, then the 32 bytes.
  return createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
    format: 'der',
    type: 'spki',
  });
}

/** The `sig` claim of a request: hex SHA-256 of method, path?query and body. */
export const requestDigest = ({ method, url, body }: SignedRequest): string =>
  createHash('sha256').update(`${method.toUpperCase()}${url}${body}`).digest('hex');

/**
 * Checks everything a signed token says but its replay: the signature under the session's key,
 * the scope, the times (with CLOCK_SKEW_SECONDS either way, and no longer than MAX_TOKEN_SECONDS
 * ahead) and that `sig` is the digest of the request actually received.
 */
export function checkSignedToken(
  token: ParsedSignedToken,
  key: KeyObject,
  request: SignedRequest,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  if (!verify(null, Buffer.from(token.signingInput), key, token.signature)) throw unauthorized('invalid signature');
  const { claims } = token;
  if (claims.scp !== 'FULL') throw unauthorized('scope must be FULL');
  if (claims.exp < nowSeconds - CLOCK_SKEW_SECONDS) throw unauthorized('token expired');
  if (claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw unauthorized('token issued in the future');
  if (claims.exp > nowSeconds + MAX_TOKEN_SECONDS + CLOCK_SKEW_SECONDS)
    throw unauthorized(`token lifetime longer than ${MAX_TOKEN_SECONDS} s`);
  if (claims.sig !== requestDigest(request)) throw unauthorized('sig does not match the request');
}
