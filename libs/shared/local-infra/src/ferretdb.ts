import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureFerretDb } from './binaries';
import { startManagedProcess } from './managed-process';
import { findFreePort } from './ports';
import { type RunningServer, startOnPort } from './start-on-port';

export interface StartFerretDbOptions {
  /** Repository root (where tools/infra/install-ferretdb.sh lives). */
  rootDir: string;
  /** SQLite and state folder (created if missing). */
  dataDir: string;
  /** Port to use; when omitted a free one is picked (and retried on a clash). */
  port?: number;
  /** Append the server's output to this file. */
  logFile?: string;
  detached?: boolean;
}

/**
 * Starts FerretDB v1 (MongoDB wire protocol) with its SQLite backend on 127.0.0.1; resolves once
 * it accepts connections. The url is a plain `mongodb://127.0.0.1:<port>/`.
 */
export async function startFerretDb(options: StartFerretDbOptions): Promise<RunningServer> {
  const binary = await ensureFerretDb(options.rootDir);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  return startOnPort({
    name: 'ferretdb',
    fixedPort: options.port,
    pickPort: () => findFreePort(),
    start: (port) =>
      startManagedProcess({
        name: 'ferretdb',
        command: binary,
        args: [
          '--handler=sqlite',
          `--sqlite-url=file:${dataDir}/`,
          `--listen-addr=127.0.0.1:${port}`,
          `--state-dir=${dataDir}`,
          '--debug-addr=-',
          '--telemetry=disable',
        ],
        logFile: options.logFile,
        detached: options.detached,
      }),
    url: (port) => `mongodb://127.0.0.1:${port}/`,
  });
}
