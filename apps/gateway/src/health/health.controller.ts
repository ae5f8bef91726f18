import { BusClient } from '@cohort/bus';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Dialect } from '../http/dialect.decorator';
import { plainDialect } from '../http/plain-dialect';
import { servicesHealth } from './services-health';

class Health {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'each service: `ok`, or why it is not ready (its failing checks) or did not answer',
  })
  services!: Record<string, string>;
}

@ApiTags('ops')
@Controller('health')
@Dialect(plainDialect)
export class HealthController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({ summary: 'Gateway and service health' })
  @ApiOkResponse({ type: Health, description: 'Every service answers, ready' })
  @ApiServiceUnavailableResponse({ type: Health, description: 'Some service does not answer, or is not ready' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    const services = await servicesHealth(this.bus);
    const ok = Object.values(services).every((status) => status === 'ok');
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', services };
  }
}
