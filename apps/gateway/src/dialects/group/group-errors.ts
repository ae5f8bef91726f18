import { HTTP_STATUS_BY_CODE } from '@cohort/contracts';
import type { DomainError } from '@cohort/errors';
import type { DialectErrors, RenderedError } from '../../http/dialect';

/** /group dialect: HTTP status per canonical code, `{code: status, message: "<code>: <text>", data: null}`. */
export class GroupErrors implements DialectErrors {
  readonly name = 'group';

  renderError(error: DomainError): RenderedError {
    const status = HTTP_STATUS_BY_CODE[error.code];
    return { status, body: { code: status, message: `${error.code}: ${error.message}`, data: null } };
  }
}
