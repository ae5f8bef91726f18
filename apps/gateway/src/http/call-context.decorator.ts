import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { busContext, type CohortRequest } from './cohort-request';

/** The authenticated caller and request id, ready to send on the bus. */
export const CallContext = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  busContext(ctx.switchToHttp().getRequest<CohortRequest>()),
);
