import { ErrorCodes, type ErrorPayload, HTTP_STATUS_BY_CODE } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import type { SchemaObject } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { isTokenExpired, tokenExpired } from '../../auth/token-errors';
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
  return {
    status: reachedDialect(request) ? 200 : code,
    body: { code, message: groupErrorMessage(error), data: null },
  };
}

/** How /group words an error: `<canonical code>: <text>` (the envelope's `message`, a failed batch item's `reason`). */
export const groupErrorMessage = (error: Pick<ErrorPayload, 'code' | 'message'>): string =>
  `${error.code}: ${error.message}`;

/** Every `code` an error envelope can carry: what envelopeCode gives each canonical code, and an expired token. */
const ERROR_ENVELOPE_CODES = [
  ...new Set([...ErrorCodes.map((code) => new DomainError(code, '')), tokenExpired()].map(envelopeCode)),
].sort((a, b) => a - b);

/** The body of every /group error, for the API reference. */
export const groupErrorSchema: SchemaObject = {
  type: 'object',
  required: ['code', 'message', 'data'],
  additionalProperties: false,
  properties: {
    code: {
      type: 'integer',
      enum: ERROR_ENVELOPE_CODES,
      description: 'the outcome (402: the token expired, log in again)',
    },
    message: { type: 'string', pattern: '^[a-z_]+: ', description: '`<canonical code>: <text>`' },
    data: { type: 'object', nullable: true, enum: [null] },
  },
};
