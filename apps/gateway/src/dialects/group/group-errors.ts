import type { FastifyRequest } from 'fastify';
import { HTTP_STATUS_BY_CODE } from '@cohort/contracts';
import type { DomainError } from '@cohort/errors';
import { isTokenExpired } from '../../auth/token-errors';
import type { RenderedError } from '../../http/dialect';
import { reachedDialect } from '../../http/routed-request';

/**
 * The envelope's `code`: the vendor numbers errors with the canonical HTTP statuses (the
 * exhaustive table of every code), but 402 for an expired token (its SDK then logs in again).
 */
function envelopeCode(error: DomainError): number {
  return isTokenExpired(error) ? 402 : HTTP_STATUS_BY_CODE[error.code];
}

/**
 * /group dialect: `{code, message: "<canonical code>: <text>", data: null}` at HTTP 200, as the
 * vendor answers (its SDK reads `code` from 2xx bodies only and treats any other status as a dead
 * server). A request that never reached the dialect (unknown path, body that is not JSON) gets
 * `code` as its HTTP status too.
 */
export function renderGroupError(error: DomainError, request: FastifyRequest): RenderedError {
  const code = envelopeCode(error);
  return { status: reachedDialect(request) ? 200 : code, body: { code, message: `${error.code}: ${error.message}`, data: null } };
}
