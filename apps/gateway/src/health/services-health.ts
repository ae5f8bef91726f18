import { randomUUID } from 'node:crypto';

import type { BusClient } from '@cohort/bus';
import { type HealthCommand, HealthCommands, type ServiceName } from '@cohort/contracts';

function notReady(checks: Record<string, string>): string {
  const failing = Object.entries(checks).filter(([, result]) => result !== 'ok');
  return `not ready: ${failing.map(([name, result]) => `${name} ${result}`).join(', ')}`;
}

export async function servicesHealth(bus: BusClient): Promise<Record<string, string>> {
  const ctx = { caller: { appId: 'system', userId: null, isAppAdmin: true }, requestId: randomUUID() };
  const entries = await Promise.all(
    (Object.entries(HealthCommands) as [ServiceName, HealthCommand][]).map(async ([service, command]) => {
      try {
        const health = await bus.send(command, ctx, {});
        return [service, health.status === 'ok' ? 'ok' : notReady(health.checks)] as const;
      } catch (error) {
        return [service, error instanceof Error ? error.message : 'down'] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
