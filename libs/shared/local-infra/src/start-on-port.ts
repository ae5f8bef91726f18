import { type ManagedProcess } from './managed-process';
import { canConnect } from './ports';
import { waitForPort } from './wait-for-port';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const ATTEMPTS_WITH_PICKED_PORT = 3;

/**
 * Starts a server process on a port and waits until it listens. When the port was picked for
 * us (not fixed by the caller) and the process dies early — typically another process took the
 * port in the meantime — it retries on a new port.
 */
export async function startOnPort(spec: {
  name: string;
  fixedPort?: number;
  pickPort(): Promise<number>;
  start(port: number): ManagedProcess;
  url(port: number): string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const attempts = spec.fixedPort ? 1 : ATTEMPTS_WITH_PICKED_PORT;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = spec.fixedPort ?? (await spec.pickPort());
    if (await canConnect(port)) {
      lastError = new Error(`${spec.name}: port ${port} is already in use`);
      if (spec.fixedPort) break;
      continue;
    }
    const proc = spec.start(port);
    try {
      await waitForPort(proc, port, { timeoutMs: spec.timeoutMs ?? 30_000 });
      return { url: spec.url(port), port, stop: () => proc.stop() };
    } catch (error) {
      lastError = error;
      const diedByItself = proc.hasExited();
      await proc.stop(2_000);
      if (!diedByItself) break;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(`${spec.name} failed to start`);
}
