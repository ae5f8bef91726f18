import type { FastifyInstance } from 'fastify';
import { httpRequestSeconds } from '@cohort/observability';
import type { CohortRequest } from './cohort-request';
import { routeMetaOf } from './route-meta';

/** The route label of a request no route matched: never its path (unbounded). */
const UNMATCHED = '(unmatched)';

/**
 * Times every answered request by dialect, route template (never the path), status and app
 * (only once authenticated: an unauthenticated caller names whatever app it likes).
 */
export function recordHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request: CohortRequest, reply, done) => {
    httpRequestSeconds.observe(
      {
        dialect: routeMetaOf(request)?.dialect?.name ?? 'none',
        route: request.is404 ? UNMATCHED : (request.routeOptions.url ?? UNMATCHED),
        status: reply.statusCode,
        app: request.cohort?.app.appId ?? 'none',
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
