import type { INestApplicationContext } from '@nestjs/common';
import { HealthCommands, type ServiceName } from '@cohort/contracts';
import { BusClient } from '@cohort/bus';
import { isDomainError } from '@cohort/errors';

const RETRY_MS = 50;

/**
 * NATS does not confirm a subscription to the subscriber, so `listen()` may resolve before the
 * server routes requests to us. A service counts as started once its own health subject answers
 * over the bus.
 */
export async function waitUntilReachable(
  app: INestApplicationContext,
  serviceName: ServiceName,
  timeoutMs = 10_000,
): Promise<void> {
  const bus = app.get(BusClient);
  const ctx = { caller: { appId: 'system', userId: null, isAppAdmin: true }, requestId: `${serviceName}-startup` };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await bus.send(HealthCommands[serviceName], ctx, {});
      return;
    } catch (error) {
      const transient = isDomainError(error) && (error.code === 'unavailable' || error.code === 'timeout');
      if (!transient || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
