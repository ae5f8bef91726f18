import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureNatsServer } from './binaries';
import { startManagedProcess } from './managed-process';
import { findFreePort } from './ports';
import { type RunningServer, startOnPort } from './start-on-port';

export interface StartNatsOptions {
  /** JetStream storage folder (created if missing). */
  dataDir: string;
  /** Port to use; when omitted a free one is picked (and retried on a clash). */
  port?: number;
  /** Append the server's output to this file. */
  logFile?: string;
  detached?: boolean;
}

/** Starts nats-server with JetStream on 127.0.0.1; resolves once it accepts connections. */
export async function startNats(options: StartNatsOptions): Promise<RunningServer> {
  const binary = await ensureNatsServer();
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  return startOnPort({
    name: 'nats-server',
    fixedPort: options.port,
    pickPort: () => findFreePort(),
    start: (port) =>
      startManagedProcess({
        name: 'nats-server',
        command: binary,
        args: ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dataDir],
        logFile: options.logFile,
        detached: options.detached,
      }),
    url: (port) => `nats://127.0.0.1:${port}`,
  });
}
