import { HTTP_STATUS_BY_CODE } from '@cohort/contracts';
import type { DomainError } from '@cohort/errors';
import type { DialectErrors, RenderedError } from '../../http/dialect';

/** Mixin: `{error: {status, code, description}}` with code = HTTP status, as Mixin answers. */
export class MixinErrors implements DialectErrors {
  readonly name = 'mixin';

  renderError(error: DomainError): RenderedError {
    // Mixin answers 403 for "conversation does not exist" on member-level calls.
    const status = HTTP_STATUS_BY_CODE[error.code];
    return { status, body: { error: { status, code: status, description: error.message } } };
  }
}
