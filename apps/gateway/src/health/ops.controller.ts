import { Controller, Get, Header, NotFoundException, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NatsConnectionHolder } from '@cohort/bus';
import { metricsText, natsReadiness, probeReadiness, type ReadinessCheck } from '@cohort/observability';
import type { GatewayEnv } from '../config/gateway.config';
import { Dialect } from '../http/dialect.decorator';
import { plainDialect } from '../http/plain-dialect';

class Liveness {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class Readiness {
  @ApiProperty({ enum: ['ok', 'not-ready'] }) status!: 'ok' | 'not-ready';
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'each check: `ok` or why not' })
  checks!: Record<string, string>;
}

/** The gateway's probes and metrics (the services serve the same on their OPS_PORT). */
@ApiTags('ops')
@Controller()
@Dialect(plainDialect)
export class OpsController {
  private readonly checks: ReadinessCheck[];
  private readonly metricsEnabled: boolean;

  constructor(holder: NatsConnectionHolder, config: ConfigService<GatewayEnv, true>) {
    this.checks = [natsReadiness(holder)];
    this.metricsEnabled = config.get('METRICS_ENABLED', { infer: true });
  }

  @Get('livez')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: Liveness })
  livez(): Liveness {
    return { status: 'ok' };
  }

  @Get('readyz')
  @ApiOperation({ summary: "Readiness: NATS connected (the services' readiness is in /health)" })
  @ApiOkResponse({ type: Readiness })
  @ApiServiceUnavailableResponse({ type: Readiness })
  async readyz(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const { ready, checks } = await probeReadiness(this.checks);
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'not-ready', checks };
  }

  @Get('metrics')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @ApiOkResponse({ description: 'Prometheus text', content: { 'text/plain': { schema: { type: 'string' } } } })
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!this.metricsEnabled) throw new NotFoundException('metrics are turned off (METRICS_ENABLED=false)');
    const { contentType, body } = await metricsText();
    void reply.type(contentType);
    return body;
  }
}
