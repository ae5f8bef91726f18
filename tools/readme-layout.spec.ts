import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

/** Every Nx project's folder (a project.json under apps/, libs/ or tools/), relative to the root. */
function nxProjects(dir: string): string[] {
  const entries = readdirSync(join(root, dir), { withFileTypes: true });
  const own = entries.some((e) => e.isFile() && e.name === 'project.json') ? [dir] : [];
  const nested = entries
    .filter((e) => e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.'))
    .flatMap((e) => nxProjects(join(dir, e.name)));
  return [...own, ...nested];
}

/** The folders the README's "Project layout" tree names: `name/` at two spaces per level. */
function layoutFolders(readme: string): Set<string> {
  const section = readme.split('## Project layout')[1] ?? '';
  const tree = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const folders = new Set<string>();
  const path: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^( *)([\w.-]+)\//.exec(line);
    if (!match) continue;
    const depth = match[1].length / 2;
    path.splice(depth, path.length, match[2]);
    folders.add(path.join('/'));
  }
  return folders;
}

describe("README's project layout", () => {
  it('lists every Nx project', () => {
    const folders = layoutFolders(readFileSync(join(root, 'README.md'), 'utf8'));
    const projects = ['apps', 'libs', 'tools']
      .flatMap((dir) => nxProjects(dir))
      .map((dir) => relative(root, join(root, dir)));
    expect(projects.length).toBeGreaterThan(10);
    expect(projects.filter((project) => !folders.has(project))).toEqual([]);
  });
});
