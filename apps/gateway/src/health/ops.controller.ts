import { NatsConnectionHolder } from '@cohort/bus';
import { flushTracing, natsReadiness, probeReadiness, type ReadinessCheck } from '@cohort/observability';
import { Controller, Get, type OnApplicationShutdown, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

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

/** The services answer the same on their OPS_PORT. */
@ApiTags('ops')
@Controller()
@Dialect(plainDialect)
export class OpsController implements OnApplicationShutdown {
  private readonly checks: ReadinessCheck[];

  constructor(holder: NatsConnectionHolder) {
    this.checks = [natsReadiness(holder)];
  }

  async onApplicationShutdown(): Promise<void> {
    await flushTracing();
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
}
