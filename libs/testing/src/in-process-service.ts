import type { ServiceName } from '@cohort/contracts';
import { startService } from '@cohort/service-kit';
import type { INestMicroservice, Type } from '@nestjs/common';

import type { TestServers } from './servers';

export interface InProcessServiceOptions {
  serviceName: ServiceName;
  servers: TestServers;
  dbName: string;
  /**
   * Imports the service's AppModule. It must be imported only after the env is set: the config
   * module reads process.env when AppModule is built.
   */
  loadModule: () => Promise<Type<unknown>>;
}

/**
 * Boots one domain service in the test process on real NATS + Mongo-wire DB through the
 * production start (startService), configured by the environment as main.ts would be.
 */
export async function bootServiceInProcess(options: InProcessServiceOptions): Promise<INestMicroservice> {
  process.env.NATS_URL = options.servers.natsUrl; // the operator (one user for the whole test process)
  process.env.MONGO_URL = options.servers.mongoUrl;
  process.env.MONGO_DB = options.dbName;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'warn';
  return startService(await options.loadModule(), options.serviceName);
}
