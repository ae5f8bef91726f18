import { HTTP_STATUS_BY_CODE } from '@cohort/contracts';
import type { DomainError } from '@cohort/errors';
import type { SchemaObject } from '@nestjs/swagger';

import type { RenderedError } from '../../http/dialect';

/** Mixin: `{error: {status, code, description}}` with code = HTTP status = the canonical status, as Mixin answers. */
export function renderMixinError(error: DomainError): RenderedError {
  const status = HTTP_STATUS_BY_CODE[error.code];
  return { status, body: { error: { status, code: status, description: error.message } } };
}

const STATUSES = [...new Set(Object.values(HTTP_STATUS_BY_CODE))].sort((a, b) => a - b);

/** The body of every Mixin error, for the API reference. */
export const mixinErrorSchema: SchemaObject = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'description'],
      additionalProperties: false,
      properties: {
        status: { type: 'integer', enum: STATUSES },
        code: { type: 'integer', enum: STATUSES },
        description: { type: 'string' },
      },
    },
  },
};
