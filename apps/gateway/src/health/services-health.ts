import { randomUUID } from 'node:crypto';
import { HealthCommands, type HealthCommand, type ServiceName } from '@cohort/contracts';
import type { BusClient } from '@cohort/bus';

/** Asks every service's health subject at once: each service → `ok`, or why it did not answer. */
export async function servicesHealth(bus: BusClient): Promise<Record<string, string>> {
  const ctx = { caller: { appId: 'system', userId: null, isAppAdmin: true }, requestId: randomUUID() };
  const entries = await Promise.all(
    (Object.entries(HealthCommands) as [ServiceName, HealthCommand][]).map(async ([service, command]) => {
      try {
        await bus.send(command, ctx, {});
        return [service, 'ok'] as const;
      } catch (error) {
        return [service, error instanceof Error ? error.message : 'down'] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
