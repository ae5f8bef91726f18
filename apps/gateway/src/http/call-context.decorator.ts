import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { RegisteredApp } from '../tenancy/apps.registry';
import { busContext, type CohortRequest } from './cohort-request';

/** The authenticated caller and request id, ready to send on the bus. */
export const CallContext = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  busContext(ctx.switchToHttp().getRequest<CohortRequest>()),
);

/** The app (tenant) of the authenticated request, as configured: for rules of the tenant config (its capacity ceiling). */
export const CallApp = createParamDecorator((_: unknown, ctx: ExecutionContext): RegisteredApp => {
  const request = ctx.switchToHttp().getRequest<CohortRequest>();
  if (!request.cohort) throw new Error('route is missing its auth guard');
  return request.cohort.app;
});
