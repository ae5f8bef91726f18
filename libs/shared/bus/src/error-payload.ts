import type { ErrorPayload } from '@cohort/contracts';
import { canonicalErrorOf, isDomainError } from '@cohort/errors';
import type { Logger } from '@nestjs/common';

/** A database outage leaves as `unavailable`; any other non-domain error as `internal`, its stack logged here only. */
export function errorPayloadOf(error: unknown, logger: Logger, handler: string): ErrorPayload {
  const canonical = canonicalErrorOf(error);
  if (canonical) {
    if (!isDomainError(error)) logger.warn(`${handler}: ${String(error)}`);
    return canonical.toPayload();
  }
  logger.error(error instanceof Error ? error : String(error), `${handler} failed`);
  return { code: 'internal', message: 'internal error' };
}
