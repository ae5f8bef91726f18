import { randomUUID } from 'node:crypto';

import { runWithRequestId } from '@cohort/logging';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `x-request-id` when sane. */
export const requestIdOptions: Pick<FastifyServerOptions, 'genReqId'> = {
  genReqId: (req) => {
    const header = req.headers['x-request-id'];
    const value = Array.isArray(header) ? header[0] : header;
    return value && SAFE_ID.test(value) ? value : randomUUID();
  },
};

const accessLog = new Logger('Access');

type TimedRequest = FastifyRequest & { receivedAt?: number };

/** For dialects that report a duration in their bodies. */
export function msSinceReceived(request: FastifyRequest): number {
  return Date.now() - ((request as TimedRequest).receivedAt ?? Date.now());
}

export function installRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    (request as TimedRequest).receivedAt = Date.now();
    void reply.header('x-request-id', request.id);
    runWithRequestId(String(request.id), done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    accessLog.log({
      msg: 'request',
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
    done();
  });
}
