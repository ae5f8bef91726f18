import { DomainError, isDomainError } from '@cohort/errors';
import { HttpException } from '@nestjs/common';

/** Framework errors (unknown route, unparsable body, ...) as canonical errors; anything else is internal. */
export function toDomainError(exception: unknown): DomainError {
  if (isDomainError(exception)) return exception;
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
        ? (exception as { statusCode: number }).statusCode
        : 500;
  const message = exception instanceof Error ? exception.message : 'internal error';
  if (status === 404) return new DomainError('not_found', 'no such endpoint');
  if (status === 401) return new DomainError('unauthorized', message);
  if (status === 429) return new DomainError('rate_limited', message);
  if (status >= 400 && status < 500) return new DomainError('invalid_parameter', `body: ${message}`);
  return new DomainError('internal', 'internal error');
}
