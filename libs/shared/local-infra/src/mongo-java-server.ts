import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { ensureMongoJavaServer } from './binaries';
import { type RunningServer, startServerProcess } from './start-on-port';

/** Heap cap of the JVM unless told otherwise (tests drop their databases, so this is ample). */
export const DEFAULT_MONGO_HEAP = '1g';

export interface StartMongoJavaServerOptions {
  /** Repository root (where tools/infra/install-mongo-java-server.sh lives). */
  rootDir: string;
  /** H2 store file that keeps the data across restarts; in memory when omitted. */
  dataFile?: string;
  /** Port to use; when omitted a free one is picked (and retried on a clash). */
  port?: number;
  /** JVM maximum heap (`-Xmx`), e.g. `512m`, `2g`. */
  heap?: string;
  /** Append the server's output to this file. */
  logFile?: string;
  detached?: boolean;
}

/**
 * Starts mongo-java-server (MongoDB wire protocol; single-document updates are atomic and unique
 * indexes enforced) through our launcher on 127.0.0.1; resolves once it accepts connections.
 */
export async function startMongoJavaServer(options: StartMongoJavaServerOptions): Promise<RunningServer> {
  const server = await ensureMongoJavaServer(options.rootDir);
  const fileArgs: string[] = [];
  if (options.dataFile) {
    const file = resolve(options.dataFile);
    mkdirSync(dirname(file), { recursive: true });
    fileArgs.push('--file', file);
  }
  return startServerProcess({
    name: 'mongo-java-server',
    command: server.java,
    args: (port) => [
      `-Xmx${options.heap ?? DEFAULT_MONGO_HEAP}`,
      '-XX:+UseSerialGC',
      // One line per client connection at INFO would drown the log.
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-cp',
      server.classpath,
      'CohortMongoServer',
      '--port',
      String(port),
      ...fileArgs,
    ],
    url: (port) => `mongodb://127.0.0.1:${port}/`,
    port: options.port,
    logFile: options.logFile,
    detached: options.detached,
  });
}
