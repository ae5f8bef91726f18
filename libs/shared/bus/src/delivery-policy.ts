import { isDomainError } from '@cohort/errors';

export interface RetryBackoff {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { firstMs: 1_000, maxMs: 60_000 };

/** 1 s, 2 s, 4 s … then every minute by default, forever: there is no last delivery. */
export function retryDelayMs(deliveries: number, backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF): number {
  const doublings = Math.max(0, Math.min(deliveries - 1, 30));
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** doublings);
}

/** Only a domain rule's "no" is permanent: outages, driver errors and crashes are worth retrying. */
export function isPermanentFailure(error: unknown): boolean {
  return isDomainError(error) && error.code !== 'unavailable' && error.code !== 'timeout';
}
