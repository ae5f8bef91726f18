// Jest: four tiers as projects — `unit` (*.spec.ts), `integration` (*.integration-spec.ts),
// `e2e` (*.e2e-spec.ts) and `faults` (*.faults-spec.ts, fault injection). Run one with `npx jest --selectProjects <name>`.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');

const readJson = (file) => {
  const parsed = ts.parseConfigFileTextToJson(file, readFileSync(join(__dirname, file), 'utf8'));
  if (parsed.error) throw new Error(`cannot parse ${file}: ${parsed.error.messageText}`);
  return parsed.config;
};

// `@cohort/*` aliases come from tsconfig.base.json (the single list of them).
const paths = readJson('tsconfig.base.json').compilerOptions.paths;
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, `<rootDir>/${target}`]),
);

// Same parser/decorator settings as the build (.swcrc). The aliases are also rewritten by swc
// (absolute baseUrl) so that files jest loads outside its module system — globalSetup and
// globalTeardown — resolve them too.
const swcrc = readJson('.swcrc');
const swcJestConfig = {
  swcrc: false,
  sourceMaps: 'inline',
  module: swcrc.module,
  jsc: { ...swcrc.jsc, baseUrl: __dirname, paths },
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swcJestConfig] },
  // ES-module-only packages, which Node loads but Jest's module system does not, are transpiled like
  // our own code (wherever npm put them): swagger-parser's ref parser (the OpenAPI validator of the
  // e2e suites), and what Mixin's Node SDK (the Mixin e2e suites' client) requires.
  transformIgnorePatterns: ['^(?!.*/node_modules/(@apidevtools/json-schema-ref-parser|@noble/curves|@noble/hashes|@noble/ciphers|uuid|is-retry-allowed)/).*/node_modules/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.infra/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.infra/'],
};

const withServers = {
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
  // 120s per test and hook (testTimeout is not a per-project option in Jest 29).
  setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-setup-timeout.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  watchman: false,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.spec.ts'] },
    {
      ...common,
      ...withServers,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/*.integration-spec.ts'],
    },
    {
      ...common,
      ...withServers,
      displayName: 'e2e',
      testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
    },
    {
      // Fault injection on the built stack (servers of its own): `npm run test:faults`.
      ...common,
      setupFilesAfterEnv: withServers.setupFilesAfterEnv,
      displayName: 'faults',
      testMatch: ['<rootDir>/**/*.faults-spec.ts'],
    },
  ],
};
