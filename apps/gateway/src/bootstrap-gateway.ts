import { JsonLogger } from '@cohort/logging';
import { activeTracer, registerProcessMetrics, startTracingFromEnv } from '@cohort/observability';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';

import { AppModule } from './app.module';
import type { GatewayEnv } from './config/gateway.config';
import { serveConsole } from './http/console-assets';
import { edgeServerOptions, httpLimitsFromEnv } from './http/edge-limits';
import { recordHttpMetrics, serveMetrics } from './http/http-metrics';
import { traceHttpRequests } from './http/http-tracing';
import { installExactJsonReplies } from './http/int64-json';
import { installJsonBodies } from './http/json-body';
import { installRequestContext, requestIdOptions } from './http/request-id';
import { trackRoutedRequests } from './http/routed-request';
import { buildOpenApiDocument } from './openapi/openapi-document';

/** The router's default, 100, answers 414 for Easemob's batch removal: up to 100 usernames of 64 characters in one segment. */
const MAX_PARAM_LENGTH = 8 * 1024;

export async function createGateway(logger = new JsonLogger('gateway')): Promise<NestFastifyApplication> {
  // Before the modules exist: the bus finds the tracer when it is made.
  startTracingFromEnv('gateway');
  const limits = httpLimitsFromEnv();
  const adapter = new FastifyAdapter({
    ...requestIdOptions,
    ...edgeServerOptions(limits),
    maxParamLength: MAX_PARAM_LENGTH,
    logger: false,
  });
  const fastify = adapter.getInstance<FastifyInstance>();
  installRequestContext(fastify);
  const tracer = activeTracer();
  if (tracer) traceHttpRequests(fastify, tracer);
  installJsonBodies(fastify, limits.HTTP_JSON_MAX_DEPTH);
  installExactJsonReplies(fastify);
  trackRoutedRequests(fastify);
  // abortOnError off: errors (bad config above all) reach the caller's catch, logged once, no stack.
  // bodyParser off: Nest would add its own JSON parser next to installJsonBodies' one.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger,
    abortOnError: false,
    bodyParser: false,
  });
  const config = app.get(ConfigService<GatewayEnv, true>);
  logger.setLevel(config.get('LOG_LEVEL', { infer: true }));
  if (config.get('METRICS_ENABLED', { infer: true })) {
    registerProcessMetrics();
    recordHttpMetrics(fastify);
    serveMetrics(fastify);
  }
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  if (!(await serveConsole(app, fastify)))
    logger.warn('the console is not built (dist/apps/console): /console is not served', 'Bootstrap');
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
