import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as jwt from 'jsonwebtoken';
import type { GatewayEnv } from '../config/gateway.config';
import { AppsRegistry, type RegisteredApp } from '../tenancy/apps.registry';
import type { IssuedToken } from './token.dto';
import { tokenExpired, unauthorized } from './token-errors';

interface TokenClaims {
  app: string;
  role: 'admin' | 'user';
  sub?: string;
}

/** Who a valid token speaks for. */
export interface TokenIdentity {
  app: RegisteredApp;
  userId: string | null;
  isAppAdmin: boolean;
}

/** HS256 JWTs signed with each app's own key. */
@Injectable()
export class TokenService {
  private readonly ttlSeconds: number;

  constructor(
    private readonly apps: AppsRegistry,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.ttlSeconds = config.get('JWT_TTL_SECONDS', { infer: true });
  }

  /** Client credentials → app-admin token; with a user id → that user's token. */
  issue(clientId: string, clientSecret: string, userId?: string): IssuedToken & { app: RegisteredApp } {
    const app = this.apps.findByClientId(clientId);
    if (!app || app.clientSecret !== clientSecret) throw unauthorized('invalid client_id or client_secret');
    const claims: TokenClaims = userId ? { app: app.appId, role: 'user', sub: userId } : { app: app.appId, role: 'admin' };
    const token = jwt.sign(claims, app.signingKey, { algorithm: 'HS256', expiresIn: this.ttlSeconds, issuer: 'cohort' });
    return { access_token: token, token_type: 'Bearer', expires_in: this.ttlSeconds, app };
  }

  verify(token: string): TokenIdentity {
    const unverified = jwt.decode(token);
    const appId = typeof unverified === 'object' && unverified !== null ? (unverified as Partial<TokenClaims>).app : undefined;
    const app = typeof appId === 'string' ? this.apps.findById(appId) : undefined;
    if (!app) throw unauthorized('invalid token');
    let claims: TokenClaims;
    try {
      claims = jwt.verify(token, app.signingKey, { algorithms: ['HS256'], issuer: 'cohort' }) as TokenClaims;
    } catch (error) {
      // jsonwebtoken checks the signature first: only a genuine token can be "expired".
      throw error instanceof jwt.TokenExpiredError ? tokenExpired() : unauthorized('invalid token');
    }
    if (claims.role === 'user' && typeof claims.sub === 'string') return { app, userId: claims.sub, isAppAdmin: false };
    if (claims.role === 'admin') return { app, userId: null, isAppAdmin: true };
    throw unauthorized('invalid token');
  }
}
