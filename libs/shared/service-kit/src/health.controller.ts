import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { HealthView } from '@cohort/contracts';

const startedAt = Date.now();

/** The health reply every service answers on `<service>.health.check`. */
export function healthControllerFor(service: string, subject: string): Type<unknown> {
  @Controller()
  class HealthController {
    @MessagePattern(subject)
    check(): HealthView {
      return { service, status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    }
  }
  return HealthController;
}
