import { ErrorCodes, HTTP_STATUS_BY_CODE } from '@cohort/contracts';
import type { SchemaObject } from '@nestjs/swagger';

import type { HttpDialect } from './dialect';

const plainErrorSchema: SchemaObject = {
  type: 'object',
  required: ['error', 'message'],
  additionalProperties: false,
  properties: { error: { type: 'string', enum: [...ErrorCodes] }, message: { type: 'string' } },
};

export const plainDialect: HttpDialect = {
  name: 'plain',
  renderError: (error) => ({
    status: HTTP_STATUS_BY_CODE[error.code],
    body: { error: error.code, message: error.message },
  }),
  fields: {},
  responseDocs: { error: { name: 'PlainError', schema: plainErrorSchema } },
};
