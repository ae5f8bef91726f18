import { join } from 'node:path';

import type { BusClient } from '@cohort/bus';
import { HealthCommands, type ServiceName } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { builtAppMain, findRepoRoot, type ManagedProcess, startManagedProcess } from '@cohort/local-infra';

import type { TestServers } from './servers';

export async function serviceAnswers(bus: BusClient, service: ServiceName): Promise<boolean> {
  try {
    await bus.send(
      HealthCommands[service],
      { caller: { appId: 'system', userId: null, isAppAdmin: true }, requestId: `health-${service}` },
      {},
    );
    return true;
  } catch (error) {
    if (isDomainError(error) && (error.code === 'unavailable' || error.code === 'timeout')) return false;
    throw error;
  }
}

export interface BuiltServiceOptions {
  servers: TestServers;
  service: ServiceName;
  dbName: string;
  suite: string;
  bus: BusClient;
  env?: Record<string, string>;
}

/** From dist/ as a child process: a service's module cannot be imported from another app (Nx boundaries). */
export async function startBuiltService(options: BuiltServiceOptions): Promise<ManagedProcess> {
  const rootDir = findRepoRoot();
  const proc = startManagedProcess({
    name: options.service,
    command: process.execPath,
    args: [builtAppMain(rootDir, options.service)],
    cwd: rootDir,
    env: {
      ...process.env,
      ...options.servers.natsEnvFor(options.service),
      MONGO_URL: options.servers.mongoUrl,
      MONGO_DB: options.dbName,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    logFile: join(rootDir, '.infra', 'logs', options.suite, `${options.service}.log`),
  });
  const deadline = Date.now() + 30_000;
  while (!(await serviceAnswers(options.bus, options.service))) {
    if (proc.hasExited()) throw new Error(`${options.service} exited during boot:\n${proc.tail()}`);
    if (Date.now() > deadline) throw new Error(`${options.service} did not answer within 30s:\n${proc.tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return proc;
}
