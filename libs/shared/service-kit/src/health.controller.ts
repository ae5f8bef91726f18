import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { hostname } from 'node:os';
import type { HealthView } from '@cohort/contracts';

const startedAt = Date.now();
const instance = `${hostname()}:${process.pid}`;

/** The health reply every service answers on `<service>.health.check`. */
export function healthControllerFor(service: string, subject: string): Type<unknown> {
  @Controller()
  class HealthController {
    @MessagePattern(subject)
    check(): HealthView {
      return { service, status: 'ok', instance, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    }
  }
  return HealthController;
}
