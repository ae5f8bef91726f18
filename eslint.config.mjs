import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

// Tests of a service or the gateway: spec files of every tier and whatever sits under apps/*/test/.
const testFiles = ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', 'apps/*/test/**/*.ts'];

// Project tags (project.json): an app may depend on libs only, never on another app (no app tag is
// ever allowed below), and a service or the gateway may use the testing lib only in its tests.
const moduleBoundaries = ({ appsMayUseTesting }) => {
  const appLibs = ['type:contracts', 'type:infra', ...(appsMayUseTesting ? ['type:testing'] : [])];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
        { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
        { sourceTag: 'type:service', onlyDependOnLibsWithTags: appLibs },
        { sourceTag: 'type:gateway', onlyDependOnLibsWithTags: appLibs },
        { sourceTag: 'type:console', onlyDependOnLibsWithTags: appLibs },
        { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:testing'] },
      ],
    },
  ];
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.infra/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries({ appsMayUseTesting: false }),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through the app config schema (@nestjs/config), not process.env.',
        },
      ],
    },
  },
  {
    // The harness, tools and the config module itself are where the environment is read.
    files: ['libs/testing/**/*.ts', 'libs/shared/local-infra/**/*.ts', 'libs/shared/config/**/*.ts', 'tools/**/*.ts', '**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/*.faults-spec.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ appsMayUseTesting: true }) },
  },
  {
    // One import order everywhere (autofixed): side effects, node:, packages (ours too), relative.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': 'error', 'simple-import-sort/exports': 'error' },
  },
  // Layout is Prettier's (.prettierrc.json, checked by `npm test`): no lint rule may disagree with it.
  prettier,
);
