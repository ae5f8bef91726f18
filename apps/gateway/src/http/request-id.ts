import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { runWithRequestId } from '@cohort/logging';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Request ids: the client's `x-request-id` when sane, else a fresh uuid. */
export const requestIdOptions: Pick<FastifyServerOptions, 'genReqId'> = {
  genReqId: (req) => {
    const header = req.headers['x-request-id'];
    const value = Array.isArray(header) ? header[0] : header;
    return value && SAFE_ID.test(value) ? value : randomUUID();
  },
};

/** Every log line written while handling a request carries its id; the response echoes it. */
export function installRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    runWithRequestId(String(request.id), done);
  });
}
