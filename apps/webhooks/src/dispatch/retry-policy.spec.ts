import { breakerCooldownMs, isRetryable, parseRetryAfter, retryDelayMs } from './retry-policy';

const settings = { baseMs: 5_000, maxDelayMs: 3_600_000, retryAfterMaxMs: 3_600_000, retryForMs: 3 * 86_400_000 };

describe('the retry policy', () => {
  it('retries timeouts and network errors, 408, 429 and 5xx; other answers are final', () => {
    expect([null, 408, 429, 500, 503].map(isRetryable)).toEqual([true, true, true, true, true]);
    expect([400, 401, 404, 410, 422].map(isRetryable)).toEqual([false, false, false, false, false]);
  });

  it('doubles from the base with half of each delay random, capped', () => {
    expect(retryDelayMs(1, null, settings, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, null, settings, () => 1)).toBe(5_000);
    expect(retryDelayMs(4, null, settings, () => 1)).toBe(40_000);
    expect(retryDelayMs(40, null, settings, () => 1)).toBe(3_600_000);
  });

  it('waits at least what Retry-After asks, within its cap', () => {
    expect(retryDelayMs(1, 30_000, settings, () => 0)).toBe(30_000);
    expect(retryDelayMs(1, 1_000, settings, () => 1)).toBe(5_000);
    expect(retryDelayMs(1, 10 * 3_600_000, settings, () => 0)).toBe(3_600_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it('spreads 7 attempts of the default schedule over more than 2 minutes, whatever the jitter', () => {
    const total = [1, 2, 3, 4, 5, 6].reduce((sum, attempt) => sum + retryDelayMs(attempt, null, settings, () => 0), 0);
    expect(total).toBeGreaterThan(120_000);
  });

  it("doubles the breaker's cooldown each time it reopens, capped", () => {
    expect([0, 1, 2, 10].map((opens) => breakerCooldownMs(opens, 30_000, 600_000))).toEqual([
      30_000, 60_000, 120_000, 600_000,
    ]);
  });
});
