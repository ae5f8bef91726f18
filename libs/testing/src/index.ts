export { sanitizeDbName, shortId, uniqueDbName } from './db-names';
export { expectEventually, pollUntil } from './poll';
export type { PollOptions } from './poll';
export { SHARED_MONGO_URL_ENV, startMongoServer, startNatsServer, startTestServers, testInfraMode } from './servers';
export type { TestServer, TestServers } from './servers';
export { startStack } from './stack';
export type { Stack, StartStackOptions } from './stack';
export { bootServiceInProcess } from './in-process-service';
export type { InProcessServiceOptions } from './in-process-service';
