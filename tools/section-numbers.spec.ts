import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');
const dialect = join(root, 'apps/gateway/src/dialects/group');
// The vendor's reference numbers its group routes 4.1 to 4.53.
const sectionNumber = /\b4\.\d{1,2}\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The numbers shown beside the routes of the endpoint tables, as in "`GET /group/info` (4.24)". */
function documentedSections(doc: string): Set<string> {
  const sections = new Set<string>();
  for (const [, beside] of doc.matchAll(/^\| `[^`]+` \(([^)]*)\)/gm)) {
    for (const [number] of beside.matchAll(sectionNumber)) sections.add(number);
  }
  return sections;
}

describe('vendor section numbers in the /group dialect', () => {
  it('each resolves to a route in docs/api/group.md', () => {
    const documented = documentedSections(readFileSync(join(root, 'docs/api/group.md'), 'utf8'));
    expect(documented.size).toBeGreaterThan(50);
    const unresolved = sourceFiles(dialect).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(sectionNumber)]
        .map(([number]) => number)
        .filter((number) => !documented.has(number))
        .map((number) => `${relative(root, file)}: ${number}`),
    );
    expect(unresolved).toEqual([]);
  });
});
