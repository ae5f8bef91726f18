import { type ManagedProcess, startManagedProcess } from './managed-process';
import { findFreePort } from './ports';
import { canConnect } from './ports';
import { waitForPort } from './wait-for-port';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  signal(signal: NodeJS.Signals): void;
  readonly exited: Promise<number | string>;
}

const ATTEMPTS_WITH_PICKED_PORT = 3;

/** A picked port taken meanwhile by another process kills the server early: it retries on a new one. */
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
