import type { ConfigService } from '@nestjs/config';
import * as jwt from 'jsonwebtoken';
import { isDomainError, type DomainError } from '@cohort/errors';
import type { GatewayEnv } from '../config/gateway.config';
import { AppsRegistry } from '../tenancy/apps.registry';
import { isTokenExpired } from './token-errors';
import { TokenService } from './token.service';

const config = (env: Partial<GatewayEnv>) => ({ get: (key: keyof GatewayEnv) => env[key] }) as unknown as ConfigService<GatewayEnv, true>;
const apps = new AppsRegistry(config({}));
const tokens = new TokenService(apps, config({ JWT_TTL_SECONDS: 60 }));

/** What verify() throws for `token`. */
function failure(token: string): DomainError {
  try {
    tokens.verify(token);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('verify() accepted the token');
}

describe('TokenService.verify', () => {
  const claims = jwt.decode(tokens.issue('demo', 'demo-secret', '7').access_token) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);

  it('tells an expired token apart from an invalid one (both unauthorized)', () => {
    const expired = jwt.sign({ ...claims, iat: now - 120, exp: now - 60 }, 'demo-secret');
    expect(failure(expired)).toMatchObject({ code: 'unauthorized', message: 'token expired' });
    expect(isTokenExpired(failure(expired))).toBe(true);
  });

  it('an expired token with a wrong signature is just invalid', () => {
    const forged = jwt.sign({ ...claims, iat: now - 120, exp: now - 60 }, 'another-secret-entirely');
    expect(failure(forged)).toMatchObject({ code: 'unauthorized', message: 'invalid token' });
    expect(isTokenExpired(failure(forged))).toBe(false);
  });
});
