import type { NatsConnectionHolder } from '@cohort/bus';

import type { ReadinessCheck } from './readiness';

/** A disconnected connection waits on flush, and times out. */
export function natsReadiness(holder: NatsConnectionHolder): ReadinessCheck {
  return {
    name: 'nats',
    async check() {
      const nc = await holder.get();
      if (nc.isClosed()) return false;
      await nc.flush();
      return true;
    },
  };
}
