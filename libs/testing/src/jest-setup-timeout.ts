// Real servers and processes need a generous timeout (testTimeout is not a per-project option in Jest 29).
jest.setTimeout(120_000);
