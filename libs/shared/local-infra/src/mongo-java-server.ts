import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { ensureMongoJavaServer } from './binaries';
import { type RunningServer, startServerProcess } from './start-on-port';

/** Tests drop their databases, so this is ample. */
export const DEFAULT_MONGO_HEAP = '1g';

export interface StartMongoJavaServerOptions {
  rootDir: string;
  dataFile?: string;
  port?: number;
  heap?: string;
  logFile?: string;
  detached?: boolean;
}

/** Through our launcher, on 127.0.0.1; resolves once it accepts connections. */
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
