import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

import { findRepoRoot } from './repo-root';
import { runCommand } from './run-command';

const EXTRA_BIN_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/usr/bin', '/sbin'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_BIN_DIRS];
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

let natsServerPath: Promise<string> | undefined;

/** Installs the Debian package through tools/infra/install-nats.sh when none is found. */
export function ensureNatsServer(rootDir: string = findRepoRoot()): Promise<string> {
  natsServerPath ??= (async () => {
    const found = findExecutable('nats-server');
    if (found) return found;
    const installed = await runCommand('bash', [join(rootDir, 'tools/infra/install-nats.sh')]);
    const path = installed.split('\n').pop() ?? '';
    if (!isExecutable(path)) throw new Error(`nats-server install did not produce a binary (got "${path}")`);
    return path;
  })();
  natsServerPath.catch(() => (natsServerPath = undefined));
  return natsServerPath;
}

export interface MongoJavaServerInstall {
  java: string;
  classpath: string;
}

let mongoJavaServer: Promise<MongoJavaServerInstall> | undefined;

/** Resolves its jars with Maven into .infra/mongo-java-server the first time (tools/infra/install-mongo-java-server.sh). */
export function ensureMongoJavaServer(rootDir: string = findRepoRoot()): Promise<MongoJavaServerInstall> {
  mongoJavaServer ??= (async () => {
    const out = await runCommand('bash', [join(rootDir, 'tools/infra/install-mongo-java-server.sh')], { cwd: rootDir });
    const dir = out.split('\n').pop() ?? '';
    const java = findExecutable('java');
    if (!java || !existsSync(join(dir, 'ready'))) {
      throw new Error(`mongo-java-server install did not complete (got "${dir}", java ${java ?? 'missing'})`);
    }
    return { java, classpath: `${join(dir, 'classes')}${delimiter}${join(dir, 'jars', '*')}` };
  })();
  mongoJavaServer.catch(() => (mongoJavaServer = undefined));
  return mongoJavaServer;
}
