import { ErrorCodes, type ErrorPayload, HTTP_STATUS_BY_CODE } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import type { SchemaObject } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { isTokenExpired, tokenExpired } from '../../auth/token-errors';
import type { RenderedError } from '../../http/dialect';
import { reachedDialect } from '../../http/routed-request';

/** The vendor's SDK logs in again on 402 for an expired token. */
function envelopeCode(error: DomainError): number {
  return isTokenExpired(error) ? 402 : HTTP_STATUS_BY_CODE[error.code];
}

/** At HTTP 200: the vendor's SDK reads `code` from 2xx bodies only and treats any other status as a dead server. */
export function renderGroupError(error: DomainError, request: FastifyRequest): RenderedError {
  const code = envelopeCode(error);
  return {
    status: reachedDialect(request) ? 200 : code,
    body: { code, message: groupErrorMessage(error), data: null },
  };
}

export const groupErrorMessage = (error: Pick<ErrorPayload, 'code' | 'message'>): string =>
  `${error.code}: ${error.message}`;

const ERROR_ENVELOPE_CODES = [
  ...new Set([...ErrorCodes.map((code) => new DomainError(code, '')), tokenExpired()].map(envelopeCode)),
].sort((a, b) => a - b);

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
