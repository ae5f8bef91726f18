import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { RegisteredApp } from '../tenancy/apps.registry';
import { busContext, type CohortRequest } from './cohort-request';

export const CallContext = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  busContext(ctx.switchToHttp().getRequest<CohortRequest>()),
);

/** For rules of the tenant config (its capacity ceiling). */
export const CallApp = createParamDecorator((_: unknown, ctx: ExecutionContext): RegisteredApp => {
  const request = ctx.switchToHttp().getRequest<CohortRequest>();
  if (!request.cohort) throw new Error('route is missing its auth guard');
  return request.cohort.app;
});
