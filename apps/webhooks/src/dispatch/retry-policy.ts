export interface RetrySettings {
  baseMs: number;
  maxDelayMs: number;
  retryAfterMaxMs: number;
  retryForMs: number;
}

/** Timeouts and network errors (no status), 408, 429 and 5xx; other answers are final. */
export function isRetryable(status: number | null): boolean {
  return status === null || status === 408 || status === 429 || status >= 500;
}

/** "Equal jitter", so that a recovering receiver is not hit by every queue at once; never shorter than Retry-After. */
export function retryDelayMs(
  attempts: number,
  retryAfterMs: number | null,
  settings: RetrySettings,
  random = Math.random,
): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseMs * 2 ** Math.min(attempts - 1, 40));
  const jittered = Math.round(exponential / 2 + (random() * exponential) / 2);
  return retryAfterMs === null ? jittered : Math.max(jittered, Math.min(retryAfterMs, settings.retryAfterMaxMs));
}

/** Delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function breakerCooldownMs(opens: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(opens, 40));
}
