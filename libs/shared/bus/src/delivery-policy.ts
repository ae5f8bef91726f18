import { isDomainError } from '@cohort/errors';

/** Redelivery delays of an event whose handler failed for a transient reason. */
export interface RetryBackoff {
  /** After the first failure; each further failure doubles it (EVENT_RETRY_FIRST_MS). */
  firstMs: number;
  /** The cap (EVENT_RETRY_MAX_MS). */
  maxMs: number;
}

/** The defaults of EVENT_RETRY_FIRST_MS and EVENT_RETRY_MAX_MS. */
export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { firstMs: 1_000, maxMs: 60_000 };

/**
 * How long to wait before delivery `deliveries + 1` of an event that failed `deliveries` times:
 * 1 s, 2 s, 4 s … then every minute (by default), for as long as it takes: there is no last delivery.
 */
export function retryDelayMs(deliveries: number, backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF): number {
  const doublings = Math.max(0, Math.min(deliveries - 1, 30));
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** doublings);
}

/**
 * True when retrying cannot help: a rule of the domain said no (anything but `unavailable` or
 * `timeout`). Everything else — a database or bus outage, a driver error, a crash — is transient.
 */
export function isPermanentFailure(error: unknown): boolean {
  return isDomainError(error) && error.code !== 'unavailable' && error.code !== 'timeout';
}
