import type { Logger } from '@nestjs/common';
import type { ErrorPayload } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';

/**
 * An error as it crosses the bus: a domain error as its payload; anything else is logged with its
 * stack here and leaves as `internal`, without it.
 */
export function errorPayloadOf(error: unknown, logger: Logger, handler: string): ErrorPayload {
  if (isDomainError(error)) return error.toPayload();
  logger.error(error instanceof Error ? error : String(error), `${handler} failed`);
  return { code: 'internal', message: 'internal error' };
}
