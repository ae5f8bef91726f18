import { type DomainError, isDomainError } from '@cohort/errors';
import type { ConfigService } from '@nestjs/config';
import * as jwt from 'jsonwebtoken';

import type { GatewayEnv } from '../config/gateway.config';
import { AppsRegistry } from '../tenancy/apps.registry';
import { LoginThrottle } from './login-throttle';
import { TokenService } from './token.service';
import { isTokenExpired } from './token-errors';
import type { TokenRevocations } from './token-revocations';

// jsonwebtoken as it is, its verify() watched (a namespace import cannot be spied on after the fact).
jest.mock('jsonwebtoken', () => {
  const actual = jest.requireActual<typeof jwt>('jsonwebtoken');
  return { ...actual, verify: jest.fn(actual.verify) };
});

const OLD_KEY = { kid: 'k1', secret: 'an-old-signing-key-of-at-least-32-characters' };
const NEW_KEY = { kid: 'k2', secret: 'the-new-signing-key-of-at-least-32-characters' };
const demo = { appId: 'demo', orgName: 'demo', appName: 'demo', clientId: 'demo', clientSecret: 'demo-secret' };
const config = (env: Partial<GatewayEnv>) =>
  ({ get: (key: keyof GatewayEnv) => env[key] }) as unknown as ConfigService<GatewayEnv, true>;
const notBefore = new Map<string, number>();
const revocations = {
  notBefore: (appId: string, userId: string | null) =>
    Math.max(notBefore.get(appId) ?? 0, notBefore.get(`${appId}/${userId}`) ?? 0),
} as TokenRevocations;
const serviceFor = (jwtKeys: (typeof OLD_KEY)[]) =>
  new TokenService(
    new AppsRegistry(config({ APPS_JSON: JSON.stringify([{ ...demo, jwtKeys }]) })),
    new LoginThrottle(),
    revocations,
    config({ JWT_TTL_SECONDS: 60 }),
  );
const tokens = serviceFor([OLD_KEY]);
const login = (service: TokenService, userId?: string, clientSecret = 'demo-secret', address = '10.0.0.1') =>
  service.issue({ clientId: 'demo', clientSecret, address }, userId).access_token;

/** What verify() throws for `token`. */
function failure(token: string, service = tokens): DomainError {
  try {
    service.verify(token);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('verify() accepted the token');
}

describe('TokenService', () => {
  const claims = jwt.decode(login(tokens, '7')) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);

  it('signs with the app key named by kid, never with the client secret', () => {
    const token = login(tokens);
    expect(jwt.decode(token, { complete: true })?.header).toMatchObject({ alg: 'HS256', kid: 'k1' });
    expect(() => jwt.verify(token, OLD_KEY.secret)).not.toThrow();
    const { iat, exp } = jwt.decode(token) as { iat: number; exp: number };
    expect([Number.isInteger(exp), exp - Math.floor(iat)]).toEqual([true, 60]);
    const withClientSecret = jwt.sign({ app: 'demo', role: 'admin', iat: now }, 'demo-secret', {
      issuer: 'cohort',
      keyid: 'k1',
      expiresIn: 60,
    });
    expect(failure(withClientSecret)).toMatchObject({ code: 'unauthorized', message: 'invalid token' });
  });

  it('rotates keys with a grace period: the old key still verifies while listed, and no longer once dropped', () => {
    const oldToken = login(tokens);
    const rotated = serviceFor([NEW_KEY, OLD_KEY]);
    expect(jwt.decode(login(rotated), { complete: true })?.header.kid).toBe('k2');
    expect(rotated.verify(oldToken).isAppAdmin).toBe(true);
    expect(failure(oldToken, serviceFor([NEW_KEY]))).toMatchObject({ code: 'unauthorized' });
  });

  it('tells an expired token apart from an invalid one (both unauthorized)', () => {
    const expired = jwt.sign({ ...claims, iat: now - 120, exp: now - 60 }, OLD_KEY.secret, { keyid: 'k1' });
    expect(failure(expired)).toMatchObject({ code: 'unauthorized', message: 'token expired' });
    expect(isTokenExpired(failure(expired))).toBe(true);
  });

  it('an expired token with a wrong signature is just invalid', () => {
    const forged = jwt.sign({ ...claims, iat: now - 120, exp: now - 60 }, 'another-secret-entirely', { keyid: 'k1' });
    expect(failure(forged)).toMatchObject({ code: 'unauthorized', message: 'invalid token' });
    expect(isTokenExpired(failure(forged))).toBe(false);
  });

  it("refuses a user's tokens issued before their revocation, and every token of an app revoked as a whole", () => {
    const service = serviceFor([OLD_KEY]);
    const before = login(service, 'u1');
    const other = login(service, 'u2');
    notBefore.set('demo/u1', Date.now() + 1);
    expect(failure(before, service)).toMatchObject({ message: 'token revoked' });
    expect(service.verify(other).userId).toBe('u2');
    notBefore.set('demo', Date.now() + 1);
    expect(failure(other, service)).toMatchObject({ message: 'token revoked' });
    notBefore.clear();
  });

  it('checks a signature once: a token seen again is not parsed or verified again, and still expires, is still revoked', () => {
    const service = serviceFor([OLD_KEY]);
    const token = login(service, 'u3');
    const checks = jwt.verify as unknown as jest.Mock;
    checks.mockClear();
    expect(service.verify(token).userId).toBe('u3');
    expect(service.verify(token).userId).toBe('u3');
    expect(checks).toHaveBeenCalledTimes(1);
    notBefore.set('demo/u3', Date.now() + 1);
    expect(failure(token, service)).toMatchObject({ message: 'token revoked' });
    notBefore.clear();
    const exp = (jwt.decode(token) as { exp: number }).exp;
    jest.useFakeTimers({ now: exp * 1000 });
    try {
      expect(isTokenExpired(failure(token, service))).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it("a token checked with a key that is no longer the app's is checked again (and refused)", () => {
    const rotating = new AppsRegistry(config({ APPS_JSON: JSON.stringify([{ ...demo, jwtKeys: [OLD_KEY] }]) }));
    const service = new TokenService(rotating, new LoginThrottle(), revocations, config({ JWT_TTL_SECONDS: 60 }));
    const token = login(service);
    expect(service.verify(token).isAppAdmin).toBe(true);
    const dropped = new AppsRegistry(config({ APPS_JSON: JSON.stringify([{ ...demo, jwtKeys: [NEW_KEY] }]) }));
    jest.spyOn(rotating, 'findById').mockImplementation((appId) => dropped.findById(appId));
    expect(failure(token, service)).toMatchObject({ code: 'unauthorized', message: 'invalid token' });
  });

  it('throttles wrong secrets per address with a growing backoff (429 + Retry-After), a good login is not slowed', () => {
    const service = serviceFor([OLD_KEY]);
    const guess = (address: string) => {
      try {
        login(service, undefined, 'wrong', address);
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('a wrong secret was accepted');
    };
    for (let i = 0; i < 5; i += 1) expect(guess('10.0.0.9')).toMatchObject({ code: 'unauthorized' });
    expect(guess('10.0.0.9')).toMatchObject({ code: 'unauthorized' });
    expect(guess('10.0.0.9')).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 1 } });
    // Another address is not held back by this one; its good login goes through at once.
    expect(() => login(service, undefined, 'demo-secret', '10.0.0.10')).not.toThrow();
  });
});

describe('LoginThrottle', () => {
  it('doubles the backoff with each failure past the free ones, and forgets an address on success', () => {
    const throttle = new LoginThrottle();
    const retryAfter = (now: number) => {
      try {
        throttle.assertMayTry('c', 'a', now);
        return 0;
      } catch (error) {
        return (error as DomainError).details?.retryAfterSeconds;
      }
    };
    let now = 1_000_000;
    for (let i = 0; i < 5; i += 1) throttle.failed('c', 'a', now);
    expect(retryAfter(now)).toBe(0);
    const waits = [1, 2, 4, 8];
    for (const wait of waits) {
      throttle.failed('c', 'a', now);
      expect(retryAfter(now)).toBe(wait);
      now += wait * 1000;
    }
    throttle.succeeded('c', 'a');
    expect(retryAfter(now)).toBe(0);
  });
});
