import { Controller, type Type } from '@nestjs/common';
import { hostname } from 'node:os';
import { HealthCommands, type HealthView, type ServiceName } from '@cohort/contracts';
import { Handles } from '@cohort/bus';

const startedAt = Date.now();
const instance = `${hostname()}:${process.pid}`;

/** The health reply every service answers on its `<service>.health.check`. */
export function healthControllerFor(service: ServiceName): Type<unknown> {
  @Controller()
  class HealthController {
    @Handles(HealthCommands[service])
    check(): HealthView {
      return { service, status: 'ok', instance, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    }
  }
  return HealthController;
}
