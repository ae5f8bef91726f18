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

const DEFAULT_HOOK_TIMEOUT_MS = 90_000;

export interface UseServiceInProcessOptions {
  serviceName: ServiceName;
  dbPrefix: string;
  /** Lazily: only after the env is set. */
  loadModule: () => Promise<Type<unknown>>;
  hookTimeoutMs?: number;
  testTimeoutMs?: number;
}

export interface ServiceInProcess {
  readonly dbName: string;
  readonly appId: string;
  caller(userId: string, isAppAdmin?: boolean): Caller;
  readonly app: INestMicroservice;
  readonly servers: TestServers;
  get<T>(token: Type<T>): T;
  health(caller: Caller): Promise<HealthView>;
  publishEvent<K extends EventType>(
    type: K,
    caller: Caller,
    groupId: string,
    data: EventMap[K],
    correlationId: string,
  ): Promise<DomainEvent<K>>;
}

/** Call it at the top of a describe: hooks registered after it see the booted service. */
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
