import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import {
  ALL_APPS,
  builtAppMain,
  type CohortApp,
  findFreePort,
  findRepoRoot,
  GATEWAY_APP,
  type ManagedProcess,
  SERVICE_APPS,
  type ServiceApp,
  startManagedProcess,
  waitForHttpOk,
} from '@cohort/local-infra';
import { isReadyLine } from '@cohort/logging';

import { sanitizeDbName, shortId } from './db-names';
import { pollUntil } from './poll';
import { startTestServers, type TestServers } from './servers';

export interface StartStackOptions {
  suite: string;
  /** e.g. RATE_LIMIT_PER_SECOND, BUS_TIMEOUT_MS, APPS_JSON */
  env?: Record<string, string>;
  appEnv?: Partial<Record<CohortApp, Record<string, string>>>;
  rootDir?: string;
  healthTimeoutMs?: number;
  /** Default COHORT_E2E_INSTANCES or 1 (`npm run test:e2e:scaled`: 2), sharing requests through each service's queue group. */
  instances?: number;
  /** Owned by the caller (fault injection kills and restarts them), and left running by `stop`. */
  servers?: TestServers;
}

export interface Stack {
  baseUrl: string;
  natsUrl: string;
  mongoUrl: string;
  dbNames: Record<ServiceApp, string>;
  logDir: string;
  logFiles(app: CohortApp): string[];
  stopService(name: CohortApp): Promise<void>;
  signalService(name: CohortApp, signal: NodeJS.Signals): void;
  serviceExited(name: CohortApp): Promise<void>;
  startService(name: CohortApp): Promise<void>;
  waitHealthy(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const LOG_TAIL_LINES = 40;

function logTail(file: string): string {
  if (!existsSync(file)) return '(no log)';
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  return lines.slice(-LOG_TAIL_LINES).join('\n');
}

/** Requires `npm run build` first: the services run from dist/. */
export async function startStack(options: StartStackOptions): Promise<Stack> {
  const rootDir = options.rootDir ?? findRepoRoot();
  for (const app of ALL_APPS) {
    if (!existsSync(builtAppMain(rootDir, app))) {
      throw new Error(`${builtAppMain(rootDir, app)} is missing: run \`npm run build\` before the e2e suites`);
    }
  }
  const suite = sanitizeDbName(options.suite) || 'suite';
  const logDir = join(rootDir, '.infra', 'logs', suite);
  rmSync(logDir, { recursive: true, force: true });

  const servers = options.servers ?? (await startTestServers());
  const run = shortId(2);
  const dbNames = Object.fromEntries(
    SERVICE_APPS.map((app) => [app, sanitizeDbName(`e2e_${suite.slice(0, 30)}_${run}_${app}`)]),
  ) as Record<ServiceApp, string>;
  const port = await findFreePort(undefined, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  const instances = Math.max(1, options.instances ?? Number(process.env.COHORT_E2E_INSTANCES ?? 1));
  const processNames = (app: CohortApp): string[] =>
    app === GATEWAY_APP || instances === 1 ? [app] : Array.from({ length: instances }, (_, i) => `${app}-${i + 1}`);
  const logFiles = (app: CohortApp) => processNames(app).map((name) => join(logDir, `${name}.log`));
  const running = new Map<string, ManagedProcess>();
  /** The gateway's /health needs only one ready process per service. */
  const listening = new Set<string>();
  let stopping = false;

  const common: Record<string, string> = {
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    // The stack's own QR key, the same for every membership instance (a suite may set its own).
    QR_SECRET: randomBytes(32).toString('base64url'),
    ...options.env,
  };
  const envFor = (app: CohortApp): NodeJS.ProcessEnv => {
    const own: Record<string, string> =
      app === GATEWAY_APP
        ? { PORT: String(port), HOST: '127.0.0.1' }
        : { MONGO_URL: servers.mongoUrl, MONGO_DB: dbNames[app] };
    return { ...process.env, ...servers.natsEnvFor(app), ...common, ...own, ...options.appEnv?.[app] };
  };

  const spawnApp = (app: CohortApp) => {
    for (const name of processNames(app)) {
      const proc = startManagedProcess({
        name,
        command: process.execPath,
        args: [builtAppMain(rootDir, app)],
        cwd: rootDir,
        env: envFor(app),
        logFile: join(logDir, `${name}.log`),
        onLine: (line) => {
          if (isReadyLine(line)) listening.add(name);
        },
      });
      listening.delete(name);
      running.set(name, proc);
    }
  };

  const deadApps = () => {
    if (stopping) return undefined;
    const dead = [...running.values()].filter((proc) => proc.hasExited()).map((proc) => proc.name);
    return dead.length ? `app(s) exited: ${dead.join(', ')}` : undefined;
  };

  const waitHealthy = async (timeoutMs = options.healthTimeoutMs ?? 90_000) => {
    await waitForHttpOk(`${baseUrl}/health`, { timeoutMs, shouldAbort: deadApps });
    const serviceProcesses = SERVICE_APPS.flatMap(processNames);
    await pollUntil(() => serviceProcesses.every((name) => listening.has(name)), { timeoutMs, intervalMs: 100 });
  };

  const diagnostics = () =>
    ALL_APPS.flatMap(logFiles)
      .map((file) => `----- ${file} -----\n${logTail(file)}`)
      .join('\n');

  const stopApp = async (app: CohortApp) => {
    await Promise.all(
      processNames(app).map(async (name) => {
        const proc = running.get(name);
        running.delete(name);
        await proc?.stop();
      }),
    );
  };
  const isRunning = (app: CohortApp) => processNames(app).every((name) => running.get(name)?.hasExited() === false);

  const stop = async () => {
    stopping = true;
    await stopApp(GATEWAY_APP);
    await Promise.all(SERVICE_APPS.map(stopApp));
    if (!options.servers) await servers.stop();
  };

  try {
    for (const app of SERVICE_APPS) spawnApp(app);
    spawnApp(GATEWAY_APP);
    await waitHealthy();
  } catch (error) {
    const message = `startStack(${suite}) failed: ${error instanceof Error ? error.message : String(error)}\n${diagnostics()}`;
    console.error(message);
    await stop();
    throw new Error(message);
  }

  return {
    baseUrl,
    natsUrl: servers.natsUrl,
    mongoUrl: servers.mongoUrl,
    dbNames,
    logDir,
    logFiles,
    waitHealthy,
    stop,
    stopService: stopApp,
    signalService(app, signal) {
      for (const name of processNames(app)) running.get(name)?.signal(signal);
    },
    async serviceExited(app) {
      await Promise.all(processNames(app).map((name) => running.get(name)?.exited));
    },
    async startService(app: CohortApp) {
      if (isRunning(app)) return;
      await stopApp(app);
      spawnApp(app);
      try {
        await waitHealthy();
      } catch (error) {
        throw new Error(
          `${app} did not come back: ${error instanceof Error ? error.message : String(error)}\n${diagnostics()}`,
        );
      }
    },
  };
}
