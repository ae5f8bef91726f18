import { invalidParameter } from '@cohort/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { withExactIntegers } from './int64-json';
import { assertJsonDepth } from './json-depth';

/**
 * Every request body is JSON, whatever its Content-Type says or whether it has one: the vendors'
 * clients send JSON with no Content-Type (Easemob's server SDK) or with an empty body
 * (bodyless POST/DELETE with `application/json`). An empty body is `{}`; anything that is not JSON
 * is `400 invalid_parameter` before any route sees it. Fastify's own JSON parser does the parsing
 * (it refuses `__proto__` / `constructor.prototype` keys); a body nested deeper than `maxDepth`
 * is refused too, naming its field; integers beyond 2^53 are kept exact (int64-json.ts).
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

/** A request with the body exactly as received (Mixin's signed requests sign it). */
export type RawBodyRequest = FastifyRequest & { rawBody?: string };

/** The body as received: "" when the request had none. */
export const rawBodyOf = (request: FastifyRequest): string => (request as RawBodyRequest).rawBody ?? '';
