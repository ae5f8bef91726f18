// Local Nx plugin (nx.json "plugins"): says WHICH targets each project has; WHAT a target runs,
// caches and depends on is in nx.json "targetDefaults". So no project.json lists targets, and a
// new project gets them by existing:
//   every project                     build, lint, test (its *.spec.ts; none is fine)
//   a tsconfig.json in its folder     typecheck
//   an application (src/main.ts)      serve
//   *.integration-spec.ts / *.e2e-spec.ts in its folder   integration / e2e
const { existsSync, readdirSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** @type {import('nx/src/devkit-exports').CreateNodesV2} */
exports.createNodesV2 = [
  '**/project.json',
  (projectFiles, _options, context) =>
    projectFiles.map((projectFile) => {
      const root = dirname(projectFile);
      const dir = join(context.workspaceRoot, root);
      const files = readdirSync(dir, { recursive: true }).map(String);
      const has = (suffix) => files.some((f) => f.endsWith(suffix));
      const names = ['build', 'lint', 'test'];
      if (existsSync(join(dir, 'tsconfig.json'))) names.push('typecheck');
      if (existsSync(join(dir, 'src', 'main.ts'))) names.push('serve');
      if (has('.integration-spec.ts')) names.push('integration');
      if (has('.e2e-spec.ts')) names.push('e2e');
      const targets = Object.fromEntries(names.map((name) => [name, {}]));
      return [projectFile, { projects: { [root]: { targets } } }];
    }),
];
