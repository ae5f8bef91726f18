import { type ManagedProcess, startManagedProcess } from './managed-process';
import { findFreePort } from './ports';
import { canConnect } from './ports';
import { waitForPort } from './wait-for-port';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Signals the server process itself (fault injection: SIGKILL, SIGSTOP, SIGCONT). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves when the server process has exited (also after a SIGKILL). */
  readonly exited: Promise<number | string>;
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
      return {
        url: spec.url(port),
        port,
        stop: () => proc.stop(),
        signal: (signal) => proc.signal(signal),
        exited: proc.exited,
      };
    } catch (error) {
      lastError = error;
      const diedByItself = proc.hasExited();
      await proc.stop(2_000);
      if (!diedByItself) break;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(`${spec.name} failed to start`);
}

/**
 * A local server binary on 127.0.0.1 under the watchdog (startManagedProcess), on `port` or a
 * free one: what nats-server and the dev database share.
 */
export function startServerProcess(spec: {
  name: string;
  command: string;
  args(port: number): string[];
  url(port: number): string;
  port?: number;
  logFile?: string;
  detached?: boolean;
}): Promise<RunningServer> {
  return startOnPort({
    name: spec.name,
    fixedPort: spec.port,
    pickPort: () => findFreePort(),
    start: (port) =>
      startManagedProcess({
        name: spec.name,
        command: spec.command,
        args: spec.args(port),
        logFile: spec.logFile,
        detached: spec.detached,
      }),
    url: spec.url,
  });
}
