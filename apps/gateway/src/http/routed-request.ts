import type { FastifyInstance, FastifyRequest } from 'fastify';

const routed = new WeakSet<FastifyRequest>();

/** An unknown path or a body that is not JSON is answered before preValidation, and some dialects answer those differently. */
export function trackRoutedRequests(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (!request.is404) routed.add(request);
    done();
  });
}

export const reachedDialect = (request: FastifyRequest): boolean => routed.has(request);
