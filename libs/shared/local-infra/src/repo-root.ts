import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Works from sources (libs/...) and from the build output (dist/...). */
export function findRepoRoot(startDir: string = __dirname): string {
  let dir = resolve(startDir);
  for (;;) {
    if (existsSync(join(dir, 'nx.json')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the repository root above ${startDir}`);
    dir = parent;
  }
}
