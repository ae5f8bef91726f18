import { hostname } from 'node:os';

import { Handles } from '@cohort/bus';
import { HealthCommands, type HealthView, type ServiceName } from '@cohort/contracts';
import { Controller, type Type } from '@nestjs/common';

import { ServiceOps } from './service-ops';

const startedAt = Date.now();
const instance = `${hostname()}:${process.pid}`;

export function healthControllerFor(service: ServiceName): Type<unknown> {
  @Controller()
  class HealthController {
    constructor(private readonly ops: ServiceOps) {}

    @Handles(HealthCommands[service])
    async check(): Promise<HealthView> {
      const { ready, checks } = await this.ops.readiness();
      return {
        service,
        status: ready ? 'ok' : 'not-ready',
        checks,
        instance,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
    }
  }
  return HealthController;
}
