import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { JsonLogger } from '@cohort/logging';
import { AppModule } from './app.module';
import type { GatewayEnv } from './config/gateway.config';
import { installRequestContext, requestIdOptions } from './http/request-id';

const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createGateway(logger = new JsonLogger('gateway')): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ ...requestIdOptions, bodyLimit: BODY_LIMIT_BYTES, logger: false });
  installRequestContext(adapter.getInstance());
  // abortOnError off: errors (bad config above all) reach the caller's catch, logged once, no stack.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { logger, abortOnError: false });
  logger.setLevel(app.get(ConfigService<GatewayEnv, true>).get('LOG_LEVEL', { infer: true }));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cohort')
      .setDescription('Groups & chatrooms backend: /group (seed 001), /{org}/{app} (Easemob), /conversations (Mixin)')
      .setVersion('0.1.0')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'access-token' }, 'access-token')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  return app;
}

export async function bootstrapGateway(): Promise<void> {
  const logger = new JsonLogger('gateway');
  try {
    const app = await createGateway(logger);
    const config = app.get(ConfigService<GatewayEnv, true>);
    await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
    logger.lifecycle('ready', `gateway listening on ${await app.getUrl()}`, 'Bootstrap');
  } catch (error) {
    logger.fatal(error instanceof Error ? error.message : String(error), 'Bootstrap');
    process.exit(1);
  }
}
