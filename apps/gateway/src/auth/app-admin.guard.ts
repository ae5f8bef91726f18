import { DomainError } from '@cohort/errors';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

import type { CohortRequest } from '../http/cohort-request';
import { tokenFromHeaders } from './bearer';
import { TokenService } from './token.service';
import { unauthorized } from './token-errors';

/** No token or a bad one is 401 (who are you?); a valid user token is 403 (known, but not the app's admin). */
@Injectable()
export class AppAdminGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const token = tokenFromHeaders(request.headers, false);
    if (!token) throw unauthorized('missing Authorization: Bearer <app-admin token>');
    const identity = this.tokens.verify(token);
    if (!identity.isAppAdmin)
      throw new DomainError('forbidden', 'the admin API takes an app-admin token, not a user token');
    request.cohort = { app: identity.app, caller: { appId: identity.app.appId, userId: null, isAppAdmin: true } };
    return true;
  }
}

const USER_TOKEN_REFUSED = 'A user token: the admin API takes the app-admin token';

export const appAdminAuthDocs = (forbidden?: string): (ClassDecorator & MethodDecorator)[] => [
  ApiBearerAuth(),
  ApiUnauthorizedResponse({ description: 'No token, or not a valid one (badly signed, expired, revoked)' }),
  ApiForbiddenResponse({ description: forbidden ? `${USER_TOKEN_REFUSED}; or ${forbidden}` : USER_TOKEN_REFUSED }),
];
