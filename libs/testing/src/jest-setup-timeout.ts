// setupFilesAfterEnv of the integration and e2e projects: they start real servers and processes,
// so tests and hooks get a generous timeout (testTimeout is not a per-project option in Jest 29).
jest.setTimeout(120_000);
