import type { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { ServiceName } from '@cohort/contracts';
import { RpcReplyInterceptor } from '@cohort/bus';
import { waitUntilReachable } from '@cohort/service-kit';
import type { TestServers } from './servers';

export interface InProcessServiceOptions {
  serviceName: ServiceName;
  servers: TestServers;
  dbName: string;
  /**
   * Imports the service's AppModule. It must be imported only after the env is set: the config
   * module reads process.env when AppModule's decorator runs.
   */
  loadModule: () => Promise<Type<unknown>>;
}

/** Boots one domain service in the test process on real NATS + Mongo-wire DB, as main.ts would. */
export async function bootServiceInProcess(options: InProcessServiceOptions): Promise<INestMicroservice> {
  process.env.NATS_URL = options.servers.natsUrl;
  process.env.MONGO_URL = options.servers.mongoUrl;
  process.env.MONGO_DB = options.dbName;
  process.env.NODE_ENV = 'test';
  const module = await options.loadModule();
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    transport: Transport.NATS,
    options: { servers: [options.servers.natsUrl], queue: options.serviceName },
    logger: ['error', 'warn'],
    // A boot failure must fail the suite, not exit the jest worker.
    abortOnError: false,
  });
  app.useGlobalInterceptors(new RpcReplyInterceptor());
  await app.listen();
  await waitUntilReachable(app, options.serviceName);
  return app;
}
