import { BusClient, EventPublisher } from '@cohort/bus';
import {
  type Caller,
  type DomainEvent,
  type EventMap,
  type EventType,
  HealthCommands,
  type HealthView,
  type ServiceName,
} from '@cohort/contracts';
import type { INestMicroservice, Type } from '@nestjs/common';

import { shortId, uniqueDbName } from './db-names';
import { bootServiceInProcess } from './in-process-service';
import { startTestServers, type TestServers } from './servers';

/** Starting NATS (and the database when no shared one is running) can take a while on a cold machine. */
const DEFAULT_HOOK_TIMEOUT_MS = 90_000;

export interface UseServiceInProcessOptions {
  /** Queue name of the service on the bus (ServiceNames.*). */
  serviceName: ServiceName;
  /** Prefix of the suite's own database (made unique with uniqueDbName). */
  dbPrefix: string;
  /** Imports the service's AppModule (lazily: only after the env is set, see bootServiceInProcess). */
  loadModule: () => Promise<Type<unknown>>;
  /** Timeout of the boot (beforeAll) and teardown (afterAll) hooks; default 90s. */
  hookTimeoutMs?: number;
  /** When given, the default timeout of every test of the file (jest.setTimeout), e.g. tighter than the project's. */
  testTimeoutMs?: number;
}

export interface ServiceInProcess {
  /** The suite's database name (known as soon as the fixture is registered). */
  readonly dbName: string;
  /** A fresh app id for the suite's data (`app_<random>`), known as soon as the fixture is registered. */
  readonly appId: string;
  /** A caller of the suite's app: a plain user unless `isAppAdmin`. */
  caller(userId: string, isAppAdmin?: boolean): Caller;
  /** The booted service; only once the fixture's beforeAll has run. */
  readonly app: INestMicroservice;
  /** The suite's NATS + Mongo; only once the fixture's beforeAll has run. */
  readonly servers: TestServers;
  /** Shortcut for `app.get(token)`. */
  get<T>(token: Type<T>): T;
  /** Sends the service's health subject as `caller` over the bus and returns its answer. */
  health(caller: Caller): Promise<HealthView>;
  /** Publishes one domain event about `groupId` as `caller` (as the service owning it would), for the consumers under test. */
  publishEvent<K extends EventType>(
    type: K,
    caller: Caller,
    groupId: string,
    data: EventMap[K],
    correlationId: string,
  ): Promise<DomainEvent<K>>;
}

/**
 * Registers beforeAll/afterAll that boot one domain service in-process on real NATS + Mongo-wire
 * DB (startTestServers + bootServiceInProcess) and close it and the servers afterwards. Call it at
 * the top of a describe; hooks registered after it see the booted service.
 */
export function useServiceInProcess(options: UseServiceInProcessOptions): ServiceInProcess {
  const timeout = options.hookTimeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
  const dbName = uniqueDbName(options.dbPrefix);
  if (options.testTimeoutMs !== undefined) jest.setTimeout(options.testTimeoutMs);
  let servers: TestServers | undefined;
  let app: INestMicroservice | undefined;

  beforeAll(async () => {
    servers = await startTestServers();
    app = await bootServiceInProcess({
      serviceName: options.serviceName,
      servers,
      dbName,
      loadModule: options.loadModule,
    });
  }, timeout);

  afterAll(async () => {
    await app?.close();
    await servers?.stop();
  }, timeout);

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(
        `useServiceInProcess(${options.serviceName}): ${what} is only available once its beforeAll has run`,
      );
    }
    return value;
  };

  const appId = `app_${shortId()}`;
  const get = <T>(token: Type<T>): T => ready(app, 'app').get(token);

  return {
    dbName,
    appId,
    caller: (userId, isAppAdmin = false) => ({ appId, userId, isAppAdmin }),
    get app() {
      return ready(app, 'app');
    },
    get servers() {
      return ready(servers, 'servers');
    },
    get,
    health: (caller) => get(BusClient).send(HealthCommands[options.serviceName], { caller, requestId: 'health' }, {}),
    publishEvent: (type, caller, groupId, data, correlationId) =>
      get(EventPublisher).publish(type, { caller, correlationId, groupId, data }),
  };
}
