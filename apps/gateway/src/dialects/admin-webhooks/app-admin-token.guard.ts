import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '@cohort/contracts';
import { tokenFromHeaders } from '../../auth/bearer';
import { unauthorized } from '../../auth/token-errors';
import { TokenService } from '../../auth/token.service';
import type { CohortRequest } from '../../http/cohort-request';

/** The native admin API's caller: `Authorization: Bearer <app token>` (a user token is refused, 401); the app is the token's. */
@Injectable()
export class AppAdminTokenGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const token = tokenFromHeaders(request.headers, false);
    if (!token) throw unauthorized('missing Authorization: Bearer <app token>');
    const identity = this.tokens.verify(token);
    if (!identity.isAppAdmin) throw unauthorized('an app token is required');
    const caller: Caller = { appId: identity.app.appId, userId: null, isAppAdmin: true };
    request.cohort = { app: identity.app, caller };
    return true;
  }
}
