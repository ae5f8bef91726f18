import { createHash, type KeyObject, timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as jwt from 'jsonwebtoken';

import type { GatewayEnv } from '../config/gateway.config';
import { AppsRegistry, type RegisteredApp } from '../tenancy/apps.registry';
import { LoginThrottle } from './login-throttle';
import type { IssuedToken } from './token.dto';
import { tokenExpired, unauthorized } from './token-errors';
import { TokenRevocations } from './token-revocations';

interface TokenClaims {
  app: string;
  role: 'admin' | 'user';
  sub?: string;
  /** With milliseconds: a revocation at time T ends exactly the tokens issued before T. */
  iat: number;
  exp?: number;
}

export interface TokenIdentity {
  app: RegisteredApp;
  userId: string | null;
  isAppAdmin: boolean;
}

/** The address is what the throttle counts by. */
export interface TokenRequester {
  clientId: string;
  clientSecret: string;
  address: string;
}

/** In a time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export const VERIFIED_TOKENS_KEPT = 10_000;

interface VerifiedToken {
  appId: string;
  kid: string;
  key: KeyObject;
  claims: TokenClaims & { exp: number };
}

/** Each app's own key (never its client secret), named in the header by `kid`. */
@Injectable()
export class TokenService {
  private readonly ttlSeconds: number;
  /**
   * A signature is checked once, not on every request (the HMAC and JWT parsing were the gateway's top
   * auth frames), while the key that checked it is still the app's; revocations apply on every use.
   */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly apps: AppsRegistry,
    private readonly throttle: LoginThrottle,
    private readonly revocations: TokenRevocations,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.ttlSeconds = config.get('JWT_TTL_SECONDS', { infer: true });
  }

  /** Failed guesses are throttled. */
  issue({ clientId, clientSecret, address }: TokenRequester, userId?: string): IssuedToken & { app: RegisteredApp } {
    this.throttle.assertMayTry(clientId, address);
    const app = this.apps.findByClientId(clientId);
    if (!app || !sameSecret(clientSecret, app.clientSecret)) {
      this.throttle.failed(clientId, address);
      throw unauthorized('invalid client_id or client_secret');
    }
    this.throttle.succeeded(clientId, address);
    const iat = Date.now() / 1000;
    const times = { iat, exp: Math.floor(iat) + this.ttlSeconds };
    const claims: TokenClaims = userId
      ? { app: app.appId, role: 'user', sub: userId, ...times }
      : { app: app.appId, role: 'admin', ...times };
    const token = jwt.sign(claims, app.signingKey.key, {
      algorithm: 'HS256',
      issuer: 'cohort',
      keyid: app.signingKey.kid,
    });
    return { access_token: token, token_type: 'Bearer', expires_in: this.ttlSeconds, app };
  }

  verify(token: string): TokenIdentity {
    const known = this.verified.get(token);
    if (known) {
      this.verified.delete(token);
      const app = this.apps.findById(known.appId);
      if (app && app.verifyingKeys.get(known.kid) === known.key) {
        // jsonwebtoken's rule: expired from the second `exp` names.
        if (Math.floor(Date.now() / 1000) >= known.claims.exp) throw tokenExpired();
        this.verified.set(token, known);
        return this.identity(app, known.claims);
      }
    }
    const unverified = jwt.decode(token, { complete: true });
    const appId =
      unverified && typeof unverified.payload === 'object'
        ? (unverified.payload as Partial<TokenClaims>).app
        : undefined;
    const app = typeof appId === 'string' ? this.apps.findById(appId) : undefined;
    const kid = unverified?.header.kid;
    const key = app && typeof kid === 'string' ? app.verifyingKeys.get(kid) : undefined;
    if (!app || !key || typeof kid !== 'string') throw unauthorized('invalid token');
    let claims: TokenClaims;
    try {
      claims = jwt.verify(token, key, { algorithms: ['HS256'], issuer: 'cohort' }) as TokenClaims;
    } catch (error) {
      // jsonwebtoken checks the signature first: only a genuine token can be "expired".
      throw error instanceof jwt.TokenExpiredError ? tokenExpired() : unauthorized('invalid token');
    }
    const identity = this.identity(app, claims);
    if (typeof claims.exp === 'number')
      this.remember(token, { appId: app.appId, kid, key, claims: { ...claims, exp: claims.exp } });
    return identity;
  }

  private identity(app: RegisteredApp, claims: TokenClaims): TokenIdentity {
    const userId = claims.role === 'user' && typeof claims.sub === 'string' ? claims.sub : null;
    if (claims.role !== 'admin' && userId === null) throw unauthorized('invalid token');
    if (typeof claims.iat !== 'number' || claims.iat * 1000 < this.revocations.notBefore(app.appId, userId))
      throw unauthorized('token revoked');
    return { app, userId, isAppAdmin: claims.role === 'admin' };
  }

  private remember(token: string, verified: VerifiedToken): void {
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, verified);
  }
}
