import { invalidParameter } from '@cohort/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { withExactIntegers } from './int64-json';
import { assertJsonDepth } from './json-depth';

/**
 * Whatever the Content-Type: vendor clients send JSON with none (Easemob's server SDK) or an empty
 * body with `application/json`. Fastify's parser refuses `__proto__` / `constructor.prototype` keys.
 */
export function installJsonBodies(fastify: FastifyInstance, maxDepth: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (request: FastifyRequest, body: string, done) => {
    (request as RawBodyRequest).rawBody = body;
    if (body.trim() === '') {
      done(null, {});
      return;
    }
    void parseJson(request, body, (error, value) => {
      if (error) return done(invalidParameter('body', 'is not valid JSON'));
      try {
        assertJsonDepth(value, maxDepth);
      } catch (tooDeep) {
        return done(tooDeep as Error);
      }
      done(null, withExactIntegers(body, value));
    });
  });
}

/** Mixin's signed requests sign the body exactly as received. */
export type RawBodyRequest = FastifyRequest & { rawBody?: string };

export const rawBodyOf = (request: FastifyRequest): string => (request as RawBodyRequest).rawBody ?? '';
