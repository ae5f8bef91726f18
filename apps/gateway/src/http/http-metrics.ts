import { httpRequestSeconds, metricsText } from '@cohort/observability';
import type { FastifyInstance } from 'fastify';

import type { CohortRequest } from './cohort-request';
import { routeMetaOf } from './route-meta';

/** Never its path: unbounded. */
const UNMATCHED = '(unmatched)';

/** The app label only once authenticated: an unauthenticated caller names whatever app it likes. */
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

/** A plain Fastify route, outside the dialects and the API reference (docs/operations.md lists its families). */
export function serveMetrics(fastify: FastifyInstance): void {
  fastify.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metricsText();
    return reply.header('cache-control', 'no-store').type(contentType).send(body);
  });
}
