import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { tokenFromHeaders } from '../../auth/bearer';
import { unauthorized } from '../../auth/token-errors';
import { TokenService } from '../../auth/token.service';
import type { CohortRequest } from '../../http/cohort-request';

/** The admin API's caller: `Authorization: Bearer <app token>` (an app-admin token, never a user's) of the app it acts on. */
@Injectable()
export class AppAdminGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const token = tokenFromHeaders(request.headers, false);
    if (!token) throw unauthorized('missing Authorization: Bearer <app token>');
    const identity = this.tokens.verify(token);
    if (!identity.isAppAdmin) throw unauthorized('an app token is required');
    request.cohort = { app: identity.app, caller: { appId: identity.app.appId, userId: null, isAppAdmin: true } };
    return true;
  }
}
