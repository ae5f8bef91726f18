import { SHARED_MONGO_URL_ENV, startMongoServer, type TestServer } from './servers';

interface SharedMongo {
  server: TestServer;
  refs: number;
}
const holder = globalThis as typeof globalThis & { __cohortSharedMongo?: SharedMongo };

/** Reference-counted: each selected project runs its own globalSetup in this process. */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGO_URL) return;
  if (holder.__cohortSharedMongo) {
    holder.__cohortSharedMongo.refs++;
    return;
  }
  const server = await startMongoServer();
  holder.__cohortSharedMongo = { server, refs: 1 };
  process.env[SHARED_MONGO_URL_ENV] = server.url;
}
