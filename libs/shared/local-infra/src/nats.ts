import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { ensureNatsServer } from './binaries';
import { type RunningServer, startServerProcess } from './start-on-port';

export interface StartNatsOptions {
  dataDir: string;
  port?: number;
  logFile?: string;
  detached?: boolean;
  /** Then anonymous connections are refused and every user is held to its subjects. */
  authorization?: string;
  config?: string;
}

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
