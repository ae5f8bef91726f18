import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { USER_ID_PATTERN, type Caller } from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';
import { unauthorized } from '../../auth/token-errors';
import { TokenService, type TokenIdentity } from '../../auth/token.service';
import type { CohortRequest } from '../../http/cohort-request';
import { RateLimiter } from '../../http/rate-limiter';
import { groupCallParams } from './calling-convention';

/**
 * /group act-as rule: an app-admin token acts as `user_id` when given (else with owner rights); a
 * user token always acts as its own user (`user_id` naming someone else is ignored).
 */
export function groupCaller(identity: TokenIdentity, userIdParam: unknown): Caller {
  const appId = identity.app.appId;
  if (!identity.isAppAdmin) return { appId, userId: identity.userId, isAppAdmin: false };
  if (userIdParam === undefined || userIdParam === '') return { appId, userId: null, isAppAdmin: true };
  if (typeof userIdParam !== 'string' || !USER_ID_PATTERN.test(userIdParam)) {
    throw invalidParameter('user_id', 'must be a user id');
  }
  return { appId, userId: userIdParam, isAppAdmin: true };
}

/** `/group/info/name` → `info`: the rate-limit family. */
function familyOf(url: string): string {
  return `group:${url.split('?')[0].split('/')[2] ?? ''}`;
}

@Injectable()
export class GroupAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const params = groupCallParams(request.headers, (request.query ?? {}) as Record<string, unknown>);
    if (!params.token) throw unauthorized('missing access-token');
    const identity = this.tokens.verify(params.token);
    if (params.appId !== identity.app.appId) throw unauthorized('app_id does not match the token');
    const caller = groupCaller(identity, params.userId);
    this.limiter.consume(identity.app.appId, familyOf(request.url));
    request.cohort = { app: identity.app, caller };
    return true;
  }
}
