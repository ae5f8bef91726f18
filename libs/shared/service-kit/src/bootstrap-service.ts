import type { INestMicroservice, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Transport, type AsyncMicroserviceOptions, type MicroserviceOptions } from '@nestjs/microservices';
import { natsAccessFrom, natsConnectOptions, RpcReplyInterceptor } from '@cohort/bus';
import type { ServiceName } from '@cohort/contracts';
import type { CommonEnv } from '@cohort/config';
import { JsonLogger } from '@cohort/logging';
import { waitUntilReachable } from './wait-until-reachable';

/**
 * Creates and starts a domain service as a NestJS microservice on NATS, with a queue group named
 * after the service (replicas share the load); resolves once its own health command answers.
 * Throws on failure: the production entry point (bootstrapService) and the in-process test boot
 * both go through here.
 */
export async function startService(module: Type<unknown>, serviceName: ServiceName, logger = new JsonLogger(serviceName)): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice<AsyncMicroserviceOptions>(module, {
    logger,
    // Errors (bad config above all) reach the caller instead of exiting the process.
    abortOnError: false,
    inject: [ConfigService],
    useFactory: (config: ConfigService<CommonEnv, true>): MicroserviceOptions => {
      logger.setLevel(config.get('LOG_LEVEL', { infer: true }));
      return {
        transport: Transport.NATS,
        options: {
          ...natsConnectOptions(natsAccessFrom(config), serviceName),
          queue: serviceName,
          gracefulShutdown: true,
          gracePeriod: 2_000,
        },
      };
    },
  });
  app.useGlobalInterceptors(new RpcReplyInterceptor());
  app.enableShutdownHooks();
  await app.listen();
  await waitUntilReachable(app, serviceName);
  logger.lifecycle('ready', `${serviceName} listening on NATS`, 'Bootstrap');
  return app;
}

/** A service's main: startService, or one clear fatal line (bad config, say) and exit code 1. */
export async function bootstrapService(module: Type<unknown>, serviceName: ServiceName): Promise<void> {
  const logger = new JsonLogger(serviceName);
  try {
    await startService(module, serviceName, logger);
  } catch (error) {
    logger.fatal(error instanceof Error ? error.message : String(error), 'Bootstrap');
    process.exit(1);
  }
}
