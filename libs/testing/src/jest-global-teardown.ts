import { SHARED_MONGO_URL_ENV, type TestServer } from './servers';

const holder = globalThis as typeof globalThis & { __cohortSharedMongo?: { server: TestServer; refs: number } };

export default async function globalTeardown(): Promise<void> {
  const shared = holder.__cohortSharedMongo;
  if (!shared) return;
  shared.refs--;
  if (shared.refs > 0) return;
  holder.__cohortSharedMongo = undefined;
  delete process.env[SHARED_MONGO_URL_ENV];
  await shared.server.stop();
}
