import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { USER_ID_PATTERN, type Caller } from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';
import { unauthorized } from '../../auth/token-errors';
import { TokenService, type TokenIdentity } from '../../auth/token.service';
import type { CohortRequest } from '../../http/cohort-request';
import { routeMetaOf } from '../../http/route-meta';
import { groupCallParams } from './calling-convention';

const absent = (value: unknown) => value === undefined || value === '';

/**
 * /group act-as rule: an app-admin token acts as `user_id` when given (else with owner rights); a
 * user token acts as its own user, and a `user_id` naming anyone else is refused (401, the
 * vendor's answer).
 */
export function groupCaller(identity: TokenIdentity, userIdParam: unknown): Caller {
  const appId = identity.app.appId;
  if (!identity.isAppAdmin) {
    if (!absent(userIdParam) && userIdParam !== identity.userId) throw unauthorized("user_id is not the token's user");
    return { appId, userId: identity.userId, isAppAdmin: false };
  }
  if (absent(userIdParam)) return { appId, userId: null, isAppAdmin: true };
  if (typeof userIdParam !== 'string' || !USER_ID_PATTERN.test(userIdParam)) {
    throw invalidParameter('user_id', 'must be a user id');
  }
  return { appId, userId: userIdParam, isAppAdmin: true };
}

/** Resolves the caller of a /group call from its token, `app_id` and `user_id`. */
@Injectable()
export class GroupAuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const params = groupCallParams(request.headers, (request.query ?? {}) as Record<string, unknown>, routeMetaOf(request)?.queryArguments);
    if (!params.token) throw unauthorized('missing access-token');
    const identity = this.tokens.verify(params.token);
    if (params.appId !== identity.app.appId) throw unauthorized('app_id does not match the token');
    request.cohort = { app: identity.app, caller: groupCaller(identity, params.userId) };
    return true;
  }
}
