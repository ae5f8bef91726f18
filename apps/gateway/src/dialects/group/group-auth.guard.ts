import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';

import { actingCaller } from '../../auth/acting-caller';
import { TokenService } from '../../auth/token.service';
import { unauthorized } from '../../auth/token-errors';
import type { CohortRequest } from '../../http/cohort-request';
import { routeMetaOf } from '../../http/route-meta';
import { fillGroupIdFromHeader, groupCallParams } from './calling-convention';

@Injectable()
export class GroupAuthGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const params = groupCallParams(
      request.headers,
      (request.query ?? {}) as Record<string, unknown>,
      routeMetaOf(request)?.queryArguments,
    );
    if (!params.token) throw unauthorized('missing access-token');
    const identity = this.tokens.verify(params.token);
    if (params.appId !== identity.app.appId) throw unauthorized('app_id does not match the token');
    request.cohort = { app: identity.app, caller: actingCaller(identity, params.userId) };
    // The vendor's `group_id` header: an app-admin token acting as an admin of that group.
    if (identity.isAppAdmin) fillGroupIdFromHeader(request, params.groupId);
    return true;
  }
}
