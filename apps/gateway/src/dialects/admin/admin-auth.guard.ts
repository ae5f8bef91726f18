import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@cohort/errors';
import { tokenFromHeaders } from '../../auth/bearer';
import { unauthorized } from '../../auth/token-errors';
import { TokenService } from '../../auth/token.service';
import type { CohortRequest } from '../../http/cohort-request';

/** Admin routes: an app-admin token only (a user token is refused, 403); the app is the token's. */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const token = tokenFromHeaders(request.headers, false);
    if (!token) throw unauthorized('missing Authorization: Bearer <app-admin token>');
    const identity = this.tokens.verify(token);
    if (!identity.isAppAdmin) throw new DomainError('forbidden', 'the admin API takes an app-admin token, not a user token');
    request.cohort = { app: identity.app, caller: { appId: identity.app.appId, userId: null, isAppAdmin: true } };
    return true;
  }
}
