import type { ExecutionContext } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import * as jwt from 'jsonwebtoken';

import { LoginThrottle } from '../../auth/login-throttle';
import { TokenService } from '../../auth/token.service';
import type { TokenRevocations } from '../../auth/token-revocations';
import type { GatewayEnv } from '../../config/gateway.config';
import type { CohortRequest } from '../../http/cohort-request';
import { AppsRegistry } from '../../tenancy/apps.registry';
import { EasemobAuthGuard } from './easemob-auth.guard';

const APPS_JSON = JSON.stringify([
  {
    appId: 'demo',
    orgName: 'demo',
    appName: 'demo',
    clientId: 'demo',
    clientSecret: 'demo-secret',
    jwtKeys: [{ kid: 'd1', secret: 'demo-signing-key-of-32-characters-or-more' }],
  },
  { appId: 'other', orgName: 'acme', appName: 'chat', clientId: 'other', clientSecret: 'other-secret' },
]);
const config = (env: Partial<GatewayEnv>) =>
  ({ get: (key: keyof GatewayEnv) => env[key] }) as unknown as ConfigService<GatewayEnv, true>;
const apps = new AppsRegistry(config({ APPS_JSON }));
const noRevocations = { notBefore: () => 0 } as unknown as TokenRevocations;
const tokens = new TokenService(apps, new LoginThrottle(), noRevocations, config({ JWT_TTL_SECONDS: 60 }));
const issue = (clientId: string, clientSecret: string, userId?: string) =>
  tokens.issue({ clientId, clientSecret, address: '127.0.0.1' }, userId);
const guard = new EasemobAuthGuard(tokens, apps);

const appToken = issue('demo', 'demo-secret').access_token;

/** Runs the guard on a request to `/{org}/{app}/...` with these headers; returns the request. */
function authenticate(org: string, app: string, headers: Record<string, string>): CohortRequest {
  const request = { params: { org, app }, headers } as unknown as CohortRequest;
  const context = { switchToHttp: () => ({ getRequest: () => request }) } as ExecutionContext;
  guard.canActivate(context);
  return request;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('EasemobAuthGuard', () => {
  it("makes the caller the app admin of the path's app when the app token is that app's", () => {
    const request = authenticate('demo', 'demo', bearer(appToken));
    expect(request.cohort?.caller).toEqual({ appId: 'demo', userId: null, isAppAdmin: true });
    expect(request.cohort?.app.appId).toBe('demo');
  });

  it('answers 404 for an org/app no app has, whatever the token', () => {
    for (const [org, app] of [
      ['demo', 'nope'],
      ['nope', 'demo'],
    ]) {
      expect(() => authenticate(org, app, bearer(appToken))).toThrow(expect.objectContaining({ code: 'not_found' }));
      expect(() => authenticate(org, app, {})).toThrow(expect.objectContaining({ code: 'not_found' }));
    }
  });

  it('refuses with 401: no token, not a Bearer token, a bad or expired one, a user token, another app', () => {
    const claims = jwt.decode(appToken) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const expired = jwt.sign(
      { ...claims, iat: now - 120, exp: now - 60 },
      'demo-signing-key-of-32-characters-or-more',
      { keyid: 'd1' },
    );
    const refused: [string, string, Record<string, string>][] = [
      ['demo', 'demo', {}],
      ['demo', 'demo', { 'access-token': appToken }],
      ['demo', 'demo', bearer('not-a-token')],
      ['demo', 'demo', bearer(expired)],
      ['demo', 'demo', bearer(issue('demo', 'demo-secret', 'alice').access_token)],
      ['acme', 'chat', bearer(appToken)],
    ];
    for (const [org, app, headers] of refused) {
      expect(() => authenticate(org, app, headers)).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    }
  });
});
