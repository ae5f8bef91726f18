export type { MongoJavaServerInstall } from './binaries';
export { ensureMongoJavaServer, ensureNatsServer, findExecutable } from './binaries';
export type { CohortApp, ServiceApp } from './cohort-apps';
export { ALL_APPS, builtAppMain, GATEWAY_APP, isServiceApp, SERVICE_APPS } from './cohort-apps';
export type { ManagedProcess, ManagedProcessOptions } from './managed-process';
export { startManagedProcess } from './managed-process';
export type { StartMongoJavaServerOptions } from './mongo-java-server';
export { DEFAULT_MONGO_HEAP, startMongoJavaServer } from './mongo-java-server';
export type { StartNatsOptions } from './nats';
export { startNats } from './nats';
export type { NatsPermissions, NatsUser } from './nats-authorization';
export {
  EVENT_PUBLISHERS,
  generateNatsPasswords,
  NATS_OPERATOR,
  NATS_USERS,
  natsAuthorizationConfig,
  natsPasswordVariable,
  natsPermissions,
} from './nats-authorization';
export { canConnect, findFreePort } from './ports';
export { findRepoRoot } from './repo-root';
export type { RunningServer } from './start-on-port';
export { waitForHttpOk } from './wait-for-http';
export { waitForPort } from './wait-for-port';
