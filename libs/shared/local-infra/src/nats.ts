import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
  /**
   * An `authorization { users = [...] }` block (natsAuthorizationConfig): the server then
   * refuses anonymous connections and holds every user to its subjects.
   */
  authorization?: string;
  /** Extra nats-server config (e.g. a `cluster { ... }` block), written with the authorization. */
  config?: string;
}

/** Starts nats-server with JetStream on 127.0.0.1; resolves once it accepts connections. */
export async function startNats(options: StartNatsOptions): Promise<RunningServer> {
  const binary = await ensureNatsServer();
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const configArgs: string[] = [];
  if (options.authorization || options.config) {
    const file = join(dataDir, 'nats-server.conf');
    writeFileSync(file, `${options.authorization ?? ''}${options.config ?? ''}`, { mode: 0o600 });
    configArgs.push('-c', file);
  }
  return startServerProcess({
    name: 'nats-server',
    command: binary,
    args: (port) => [...configArgs, '-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dataDir],
    url: (port) => `nats://127.0.0.1:${port}`,
    port: options.port,
    logFile: options.logFile,
    detached: options.detached,
  });
}
