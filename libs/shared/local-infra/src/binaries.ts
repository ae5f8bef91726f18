import { accessSync, constants } from 'node:fs';
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

/** Looks for an executable on PATH (read from process.env.PATH) and in the usual sbin folders. */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_BIN_DIRS];
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

let natsServerPath: Promise<string> | undefined;

/**
 * Returns the path of a nats-server binary, installing the Debian package through
 * tools/infra/install-nats.sh (apt-get, `apt-get update` first when needed) if none is found.
 */
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

let ferretDbPath: Promise<string> | undefined;

/**
 * Returns the path of the FerretDB v1 binary cached under <rootDir>/.infra/bin, building it with
 * tools/infra/install-ferretdb.sh (needs Go) the first time.
 */
export function ensureFerretDb(rootDir: string = findRepoRoot()): Promise<string> {
  ferretDbPath ??= (async () => {
    const out = await runCommand('bash', [join(rootDir, 'tools/infra/install-ferretdb.sh')], { cwd: rootDir });
    const path = out.split('\n').pop() ?? '';
    if (!isExecutable(path)) throw new Error(`FerretDB install did not produce a binary (got "${path}")`);
    return path;
  })();
  ferretDbPath.catch(() => (ferretDbPath = undefined));
  return ferretDbPath;
}
