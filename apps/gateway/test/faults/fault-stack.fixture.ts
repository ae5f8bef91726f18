import { type FaultServers, type Stack, startFaultServers, startStack } from '@cohort/testing';

import { FAULT_ENV, FaultWorkload } from './fault-workload';

export interface FaultStack {
  readonly servers: FaultServers;
  readonly stack: Stack;
  readonly workload: FaultWorkload;
}

/**
 * The fixture of a fault suite: a beforeAll that starts its own servers (`natsNodes` NATS nodes),
 * the built stack on them and the workload's client, and an afterAll that stops it all.
 */
export function useFaultStack(suite: string, natsNodes: 1 | 3 = 1): FaultStack {
  let servers: (FaultServers & { stop(): Promise<void> }) | undefined;
  let stack: Stack | undefined;
  let workload: FaultWorkload | undefined;

  beforeAll(async () => {
    servers = await startFaultServers({ natsNodes });
    stack = await startStack({ suite, servers, env: FAULT_ENV });
    workload = await FaultWorkload.open(stack);
  }, 180_000);

  afterAll(async () => {
    await workload?.stop();
    await stack?.stop();
    await servers?.stop();
  }, 60_000);

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`useFaultStack(${suite}): only available once its beforeAll has run`);
    return value;
  };
  return {
    get servers() {
      return ready(servers);
    },
    get stack() {
      return ready(stack);
    },
    get workload() {
      return ready(workload);
    },
  };
}
