/** `npm start` (README.md): data and this checkout's random secrets live under .infra/dev/. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { defaultDbName } from '@cohort/config';
import {
  ALL_APPS,
  builtAppMain,
  type CohortApp,
  DEFAULT_MONGO_HEAP,
  findFreePort,
  findRepoRoot,
  GATEWAY_APP,
  generateNatsPasswords,
  isServiceApp,
  type ManagedProcess,
  natsAuthorizationConfig,
  type RunningServer,
  SERVICE_APPS,
  startManagedProcess,
  startMongoJavaServer,
  startNats,
  waitForHttpOk,
} from '@cohort/local-infra';
import { isReadyLine } from '@cohort/logging';

import { devNatsCredentialsFile, saveDevNatsCredentials } from './dev-nats-credentials';
import { devSecrets } from './dev-secrets';

const rootDir = findRepoRoot(__dirname);
// COHORT_DEV_DIR: another home for the data and logs (the benchmark runs the stack there, leaving yours alone).
const devDir = process.env.COHORT_DEV_DIR ? resolve(process.env.COHORT_DEV_DIR) : join(rootDir, '.infra', 'dev');
const useColor = process.stdout.isTTY;
const COLORS = [36, 32, 33, 35, 34, 96, 92];

const infra: RunningServer[] = [];
const apps = new Map<CohortApp, ManagedProcess>();
let shuttingDown = false;

function say(message: string): void {
  process.stdout.write(`${useColor ? '\x1b[1m[cohort]\x1b[0m' : '[cohort]'} ${message}\n`);
}

/** Prometheus's exporter port range. */
const OPS_BASE_PORT = 9464;

const QUIET_LEVELS = new Set(['trace', 'debug', 'info']);

/** One line when ready, warnings, errors and anything not a JSON log line (a crash); everything goes to the log file. */
function terminalEcho(name: string, index: number): (line: string) => void {
  const label = name.padEnd(13);
  const prefix = useColor ? `\x1b[${COLORS[index % COLORS.length]}m${label}|\x1b[0m ` : `${label}| `;
  return (line) => {
    if (isReadyLine(line)) {
      say(`${name} ready`);
      return;
    }
    let level: unknown;
    try {
      level = (JSON.parse(line) as { level?: unknown }).level;
    } catch {
      level = undefined;
    }
    if (line.trim() && !QUIET_LEVELS.has(String(level))) process.stdout.write(`${prefix}${line}\n`);
  };
}

async function startInfra(): Promise<{ natsEnvFor: (app: CohortApp) => NodeJS.ProcessEnv; mongoUrl: string }> {
  let natsEnvFor: (app: CohortApp) => NodeJS.ProcessEnv;
  const givenNats = process.env.NATS_URL;
  if (givenNats) {
    say(`using NATS_URL=${givenNats}`);
    natsEnvFor = () => ({ NATS_URL: givenNats });
  } else {
    const port = await findFreePort(4222);
    // Fresh credentials every run: one NATS user per app, each held to its own subjects.
    const passwords = generateNatsPasswords();
    const nats = await startNats({
      dataDir: join(devDir, 'nats'),
      port,
      logFile: join(devDir, 'logs', 'nats-server.log'),
      detached: true,
      authorization: natsAuthorizationConfig((user) => JSON.stringify(passwords[user])),
    });
    infra.push(nats);
    saveDevNatsCredentials({ url: nats.url, passwords });
    natsEnvFor = (app) => ({ NATS_URL: nats.url, NATS_USER: app, NATS_PASSWORD: passwords[app] });
    say(
      `NATS (JetStream) on ${nats.url}${port === 4222 ? '' : ' (4222 was busy)'}, credentials in ${relative(process.cwd(), devNatsCredentialsFile(rootDir))}`,
    );
  }
  let mongoUrl = process.env.MONGO_URL;
  if (mongoUrl) {
    say(`using MONGO_URL=${mongoUrl}`);
  } else {
    const port = await findFreePort(27017);
    const inMemory = process.env.COHORT_DEV_MONGO === 'memory';
    const dataFile = join(devDir, 'mongo', 'cohort.mv.db');
    const mongo = await startMongoJavaServer({
      rootDir,
      dataFile: inMemory ? undefined : dataFile,
      port,
      heap: process.env.COHORT_MONGO_HEAP || DEFAULT_MONGO_HEAP,
      logFile: join(devDir, 'logs', 'mongo-java-server.log'),
      detached: true,
    });
    infra.push(mongo);
    mongoUrl = mongo.url;
    const storage = inMemory ? 'in memory, gone at stop' : `data in ${relative(process.cwd(), dataFile)}`;
    say(
      `MongoDB wire protocol (mongo-java-server, ${storage}) on ${mongoUrl}${port === 27017 ? '' : ' (27017 was busy)'}`,
    );
  }
  return { natsEnvFor, mongoUrl };
}

function startApp(app: CohortApp, index: number, env: NodeJS.ProcessEnv): void {
  const proc = startManagedProcess({
    name: app,
    command: process.execPath,
    // COHORT_APP_NODE_ARGS: extra node flags for every app, e.g. `--cpu-prof --cpu-prof-dir=<dir>`.
    args: [
      ...(process.env.COHORT_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--enable-source-maps',
      builtAppMain(rootDir, app),
    ],
    cwd: rootDir,
    env,
    onLine: terminalEcho(app, index),
    logFile: join(devDir, 'logs', `${app}.log`),
    detached: true,
  });
  apps.set(app, proc);
  void proc.exited.then((code) => {
    if (shuttingDown) return;
    say(`${app} exited unexpectedly (${code}); stopping everything`);
    void shutdown(1);
  });
}

async function shutdown(exitCode: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say('stopping...');
    await apps.get(GATEWAY_APP)?.stop();
    await Promise.all(SERVICE_APPS.map((app) => apps.get(app)?.stop()));
    for (const server of infra.reverse()) await server.stop().catch(() => undefined);
    say('stopped');
  }
  process.exit(exitCode);
}

interface AppCredentials {
  appId: string;
  clientId: string;
  clientSecret: string;
}

const DEMO_APP = { appId: 'demo', orgName: 'demo', appName: 'demo', clientId: 'demo', clientSecret: 'demo-secret' };

/** Like the gateway: APPS_JSON / APPS_FILE, else the demo app. */
function firstApp(): AppCredentials {
  const demo = DEMO_APP;
  try {
    const raw = process.env.APPS_JSON
      ? process.env.APPS_JSON
      : process.env.APPS_FILE
        ? readFileSync(process.env.APPS_FILE, 'utf8')
        : undefined;
    const first = raw ? (JSON.parse(raw) as Partial<AppCredentials>[])[0] : undefined;
    return first?.appId && first.clientId && first.clientSecret ? (first as AppCredentials) : demo;
  } catch {
    return demo;
  }
}

function printWelcome(baseUrl: string): void {
  const app = firstApp();
  const creds = `"client_id":"${app.clientId}","client_secret":"${app.clientSecret}"`;
  const lines = [
    '',
    `Cohort is up: ${baseUrl}  (health: ${baseUrl}/health, logs: .infra/dev/logs/)`,
    '',
    `Default app:  app_id ${app.appId}   client_id ${app.clientId}   client_secret ${app.clientSecret}`,
    '',
    'App (admin) token:',
    `  curl -s -X POST ${baseUrl}/token -H 'content-type: application/json' -d '{${creds}}'`,
    'User token (acts as user 1001):',
    `  curl -s -X POST ${baseUrl}/token -H 'content-type: application/json' -d '{${creds},"user_id":"1001"}'`,
    'Create a group as that user (put the user access_token), then read it (put the group_id it answers):',
    `  curl -s -X POST '${baseUrl}/group/create?app_id=${app.appId}' -H 'access-token: <token>' -H 'content-type: application/json' -d '{"name":"team","user_list":[1002,1003]}'`,
    `  curl -s '${baseUrl}/group/info?app_id=${app.appId}&group_id=<id>' -H 'access-token: <token>'`,
    `API reference: ${baseUrl}/docs (OpenAPI document: ${baseUrl}/openapi.json)`,
    `Admin console: ${baseUrl}/console (sign in with the client id and secret above)`,
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const missing = ALL_APPS.map((app) => builtAppMain(rootDir, app)).filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`not built: ${missing.join(', ')} (run npm run build)`);
  const { natsEnvFor, mongoUrl } = await startInfra();
  const gatewayPort = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  if ((await findFreePort(gatewayPort, host)) !== gatewayPort) {
    throw new Error(`port ${gatewayPort} is in use: stop what uses it or run with PORT=<other port>`);
  }
  const secrets = devSecrets(join(devDir, 'secrets.json'));
  const configuredApps = process.env.APPS_JSON || process.env.APPS_FILE;
  const common: NodeJS.ProcessEnv = {
    QR_SECRET: secrets.qrSecret,
    ...(configuredApps ? {} : { APPS_JSON: JSON.stringify([{ ...DEMO_APP, jwtKeys: [secrets.jwtKey] }]) }),
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    // Webhook receivers on this machine (docs/webhooks.md, the SSRF guard).
    WEBHOOK_ALLOW_NETWORKS: process.env.WEBHOOK_ALLOW_NETWORKS ?? 'loopback',
  };
  const opsPorts: string[] = [];
  for (const [index, app] of ALL_APPS.entries()) {
    if (shuttingDown) return;
    const opsPort = isServiceApp(app) ? await findFreePort(OPS_BASE_PORT + index, '127.0.0.1') : 0;
    if (opsPort) opsPorts.push(`${app} :${opsPort}`);
    const env: NodeJS.ProcessEnv = isServiceApp(app)
      ? {
          ...common,
          ...natsEnvFor(app),
          MONGO_URL: mongoUrl,
          MONGO_DB: defaultDbName(app),
          OPS_PORT: String(opsPort),
          OPS_HOST: '127.0.0.1',
        }
      : { ...common, ...natsEnvFor(app), PORT: String(gatewayPort), HOST: host };
    startApp(app, index, env);
  }
  say(`probes and metrics (/livez, /readyz, /metrics): gateway :${gatewayPort}, ${opsPorts.join(', ')}`);

  const baseUrl = `http://localhost:${gatewayPort}`;
  say(`waiting for ${baseUrl}/health ...`);
  await waitForHttpOk(`http://127.0.0.1:${gatewayPort}/health`, {
    timeoutMs: 120_000,
    shouldAbort: () => (shuttingDown ? 'stopping' : undefined),
  });
  printWelcome(baseUrl);
}

main().catch((error: unknown) => {
  if (shuttingDown) return;
  process.stderr.write(`[cohort] start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown(1);
});
