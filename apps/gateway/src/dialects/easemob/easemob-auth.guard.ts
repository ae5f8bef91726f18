import type { Caller } from '@cohort/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';

import { tokenFromHeaders } from '../../auth/bearer';
import { TokenService } from '../../auth/token.service';
import { unauthorized } from '../../auth/token-errors';
import type { CohortRequest } from '../../http/cohort-request';
import { AppsRegistry } from '../../tenancy/apps.registry';
import { appOfPath, type EasemobAppPath } from './easemob-app';

/** The caller is then the app admin, with owner rights in every group of the app. */
@Injectable()
export class EasemobAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly apps: AppsRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const app = appOfPath(this.apps, request.params as EasemobAppPath);
    const token = tokenFromHeaders(request.headers, false);
    if (!token) throw unauthorized('missing Authorization: Bearer <app token>');
    const identity = this.tokens.verify(token);
    if (!identity.isAppAdmin) throw unauthorized('an app token is required');
    if (identity.app.appId !== app.appId) throw unauthorized('the token belongs to another app');
    const caller: Caller = { appId: app.appId, userId: null, isAppAdmin: true };
    request.cohort = { app, caller };
    return true;
  }
}
