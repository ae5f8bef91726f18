import { HTTP_STATUS_BY_CODE } from '@cohort/contracts';
import type { DomainError } from '@cohort/errors';
import type { DialectErrors, RenderedError } from './dialect';

/** Envelope of the dialect-neutral endpoints (/token, /health): `{error, message}`. */
export class PlainErrors implements DialectErrors {
  readonly name = 'plain';

  renderError(error: DomainError): RenderedError {
    return { status: HTTP_STATUS_BY_CODE[error.code], body: { error: error.code, message: error.message } };
  }
}
