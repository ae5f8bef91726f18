import type { FastifyInstance, FastifyRequest } from 'fastify';

const routed = new WeakSet<FastifyRequest>();

/**
 * Remembers the requests that reached their dialect: Fastify found their route and parsed their
 * body (preValidation runs right after both). An unknown path or a body that is not JSON is
 * answered before that, which some dialects answer differently (/group: its only non-200s).
 */
export function trackRoutedRequests(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (!request.is404) routed.add(request);
    done();
  });
}

export const reachedDialect = (request: FastifyRequest): boolean => routed.has(request);
