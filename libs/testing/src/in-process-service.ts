import type { ServiceName } from '@cohort/contracts';
import { startService } from '@cohort/service-kit';
import type { INestMicroservice, Type } from '@nestjs/common';

import type { TestServers } from './servers';

export interface InProcessServiceOptions {
  serviceName: ServiceName;
  servers: TestServers;
  dbName: string;
  /** Must import only after the env is set: the config module reads process.env when AppModule is built. */
  loadModule: () => Promise<Type<unknown>>;
}

/** Through the production start (startService), configured by the environment as main.ts would be. */
export async function bootServiceInProcess(options: InProcessServiceOptions): Promise<INestMicroservice> {
  process.env.NATS_URL = options.servers.natsUrl;
  process.env.MONGO_URL = options.servers.mongoUrl;
  process.env.MONGO_DB = options.dbName;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'warn';
  return startService(await options.loadModule(), options.serviceName);
}
