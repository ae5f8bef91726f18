import { LeanNatsTransport, NatsConnectionHolder, PassErrorsThrough } from '@cohort/bus';
import type { CommonEnv } from '@cohort/config';
import type { ServiceName } from '@cohort/contracts';
import { JsonLogger } from '@cohort/logging';
import { startTracingFromEnv } from '@cohort/observability';
import type { INestMicroservice, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';

/** Throws on failure: the production entry point and the in-process test boot both go through here. */
export async function startService(
  module: Type<unknown>,
  serviceName: ServiceName,
  logger = new JsonLogger(serviceName),
): Promise<INestMicroservice> {
  // Before the modules exist: the database client and the bus find the tracer when they are made.
  startTracingFromEnv(serviceName);
  const transport = new LeanNatsTransport(serviceName);
  // Errors (bad config above all) reach the caller instead of exiting the process.
  const app = await NestFactory.createMicroservice(module, { strategy: transport, logger, abortOnError: false });
  logger.setLevel(app.get<ConfigService<CommonEnv, true>>(ConfigService).get('LOG_LEVEL', { infer: true }));
  transport.useConnection(app.get(NatsConnectionHolder));
  app.useGlobalFilters(new PassErrorsThrough());
  app.enableShutdownHooks();
  await app.listen();
  logger.lifecycle('ready', `${serviceName} listening on NATS`, 'Bootstrap');
  return app;
}

export async function bootstrapService(module: Type<unknown>, serviceName: ServiceName): Promise<void> {
  const logger = new JsonLogger(serviceName);
  try {
    await startService(module, serviceName, logger);
  } catch (error) {
    logger.fatal(error instanceof Error ? error.message : String(error), 'Bootstrap');
    process.exit(1);
  }
}
