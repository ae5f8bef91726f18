export interface PollOptions {
  /** Give up after this long (default 10s). */
  timeoutMs?: number;
  /** Wait this long between attempts (default 100ms). */
  intervalMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls `fn` until it returns a value other than undefined/null/false and resolves with it.
 * Errors thrown by `fn` count as "not yet". On timeout, rejects with the last error (if any).
 */
export async function pollUntil<T>(
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: PollOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  if (lastError instanceof Error) {
    lastError.message = `pollUntil timed out after ${timeoutMs}ms; last error: ${lastError.message}`;
    throw lastError;
  }
  throw new Error(`pollUntil timed out after ${timeoutMs}ms`);
}

/**
 * Retries `fn` (typically a block of `expect(...)` calls) until it stops throwing; on timeout
 * rethrows its last failure, so the test shows the real assertion message.
 */
export async function expectEventually<T>(fn: () => T | Promise<T>, options: PollOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await sleep(intervalMs);
  }
}
