import type { ErrorPayload } from '@cohort/contracts';
import { canonicalErrorOf, isDomainError } from '@cohort/errors';
import type { Logger } from '@nestjs/common';

/**
 * An error as it crosses the bus: a domain error as its payload; a database outage as
 * `unavailable` (logged as a warning); anything else is logged with its stack here and leaves as
 * `internal`, without it.
 */
export function errorPayloadOf(error: unknown, logger: Logger, handler: string): ErrorPayload {
  const canonical = canonicalErrorOf(error);
  if (canonical) {
    if (!isDomainError(error)) logger.warn(`${handler}: ${String(error)}`);
    return canonical.toPayload();
  }
  logger.error(error instanceof Error ? error : String(error), `${handler} failed`);
  return { code: 'internal', message: 'internal error' };
}
