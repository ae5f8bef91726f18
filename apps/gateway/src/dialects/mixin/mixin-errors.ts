import { HTTP_STATUS_BY_CODE } from '@cohort/contracts';
import type { DomainError } from '@cohort/errors';
import type { RenderedError } from '../../http/dialect';

/** Mixin: `{error: {status, code, description}}` with code = HTTP status = the canonical status, as Mixin answers. */
export function renderMixinError(error: DomainError): RenderedError {
  const status = HTTP_STATUS_BY_CODE[error.code];
  return { status, body: { error: { status, code: status, description: error.message } } };
}
