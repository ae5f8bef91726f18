import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { HealthCommands, type HealthCommand, type ServiceName } from '@cohort/contracts';
import { BusClient } from '@cohort/bus';
import { Dialect } from '../http/dialect.decorator';
import { plainDialect } from '../http/plain-dialect';

class Health {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: "each service: `ok` or why it did not answer" })
  services!: Record<string, string>;
}

/** 200 once every service answers its health subject over NATS, 503 before. */
@ApiTags('ops')
@Controller('health')
@Dialect(plainDialect)
export class HealthController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({ summary: 'Gateway and service health' })
  @ApiOkResponse({ type: Health, description: 'Every service answers' })
  @ApiServiceUnavailableResponse({ type: Health, description: 'Some service does not answer' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    const ctx = { caller: { appId: 'system', userId: null, isAppAdmin: true }, requestId: randomUUID() };
    const entries = await Promise.all(
      (Object.entries(HealthCommands) as [ServiceName, HealthCommand][]).map(async ([service, command]) => {
        try {
          await this.bus.send(command, ctx, {});
          return [service, 'ok'] as const;
        } catch (error) {
          return [service, error instanceof Error ? error.message : 'down'] as const;
        }
      }),
    );
    const services = Object.fromEntries(entries);
    const ok = entries.every(([, status]) => status === 'ok');
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', services };
  }
}
