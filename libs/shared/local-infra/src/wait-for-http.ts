export async function waitForHttpOk(
  url: string,
  options: { timeoutMs?: number; intervalMs?: number; shouldAbort?: () => string | undefined } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const abort = options.shouldAbort?.();
    if (abort) throw new Error(abort);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.status === 200) return;
      last = `HTTP ${response.status} ${body.slice(0, 500)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
  throw new Error(`${url} did not answer 200 in time (last: ${last})`);
}
