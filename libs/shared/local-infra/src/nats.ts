import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureNatsServer } from './binaries';
import { type RunningServer, startServerProcess } from './start-on-port';

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
  return startServerProcess({
    name: 'nats-server',
    command: binary,
    args: (port) => ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dataDir],
    url: (port) => `nats://127.0.0.1:${port}`,
    port: options.port,
    logFile: options.logFile,
    detached: options.detached,
  });
}
