import { rateLimitRefusals } from '@cohort/observability';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import type { CohortRequest } from './cohort-request';
import { RateLimiter } from './rate-limiter';
import { rateLimited } from './rate-window';
import { routeMeta, routeMetaOf } from './route-meta';

/** Its requests share one budget per app, and a share of it per user. */
export const RateLimitFamily = (family: string): ClassDecorator & MethodDecorator =>
  routeMeta({ rateLimitFamily: family });

/** Right after the dialect's auth guard: the app is known only then. A route without a family is a programming error. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const family = routeMetaOf(request)?.rateLimitFamily;
    if (!request.cohort) throw new Error('the rate limit runs after the auth guard');
    if (!family) throw new Error(`${request.method} ${request.routeOptions.url} declares no @RateLimitFamily`);
    const { admitted, budget } = this.limiter.consume(request.cohort.app, family, request.cohort.caller.userId);
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .headers({
        'x-ratelimit-limit': String(budget.limit),
        'x-ratelimit-remaining': String(budget.remaining),
        'x-ratelimit-reset': String(budget.resetSeconds),
      });
    if (!admitted) {
      rateLimitRefusals.inc({ family });
      throw rateLimited(family, budget);
    }
    return true;
  }
}
