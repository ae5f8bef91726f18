import { rmSync } from 'node:fs';
import { join } from 'node:path';

import {
  type CohortApp,
  findFreePort,
  findRepoRoot,
  generateNatsPasswords,
  NATS_OPERATOR,
  natsAuthorizationConfig,
  type RunningServer,
  startMongoJavaServer,
  startNats,
} from '@cohort/local-infra';
import { connect } from 'nats';

import { shortId } from './db-names';
import { pollUntil } from './poll';
import type { TestServers } from './servers';

export interface FaultServer {
  readonly url: string;
  kill(): Promise<void>;
  freeze(): void;
  thaw(): void;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface FaultServers extends TestServers {
  mongo: FaultServer;
  nats: FaultServer[];
}

function faultServer(url: string, start: () => Promise<RunningServer>, first: RunningServer): FaultServer {
  let current = first;
  let dead = false;
  return {
    url,
    async kill() {
      current.signal('SIGKILL');
      await current.exited;
      dead = true;
    },
    freeze: () => current.signal('SIGSTOP'),
    thaw: () => current.signal('SIGCONT'),
    async restart() {
      if (!dead) throw new Error('restart of a server that was not killed');
      current = await start();
      dead = false;
    },
    async stop() {
      if (dead) return;
      current.signal('SIGCONT'); // a frozen server cannot stop
      await current.stop();
    },
  };
}

/** A cluster first elects its meta leader. */
async function jetStreamReady(servers: string[], operatorPassword: string): Promise<void> {
  const nc = await connect({ servers, user: NATS_OPERATOR, pass: operatorPassword });
  try {
    await pollUntil(
      async () => {
        try {
          await (await nc.jetstreamManager()).getAccountInfo();
          return true;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  } finally {
    await nc.close();
  }
}

/** Fixed ports, so that a restart comes back where the apps reconnect. */
export async function startFaultServers(
  options: { natsNodes?: 1 | 3 } = {},
): Promise<FaultServers & { stop(): Promise<void> }> {
  const root = join(findRepoRoot(), '.infra', 'test', `faults-${process.pid}-${shortId()}`);
  const rootDir = findRepoRoot();
  const passwords = generateNatsPasswords();
  const authorization = natsAuthorizationConfig((user) => JSON.stringify(passwords[user]));
  const nodes = options.natsNodes ?? 1;

  const mongoPort = await findFreePort(undefined, '127.0.0.1');
  const startMongo = () =>
    startMongoJavaServer({
      rootDir,
      port: mongoPort,
      dataFile: join(root, 'mongo', 'faults.mv.db'),
      heap: '512m',
      logFile: join(root, 'mongo.log'),
    });
  const mongoFirst = await startMongo();

  const ports: number[] = [];
  const routePorts: number[] = [];
  for (let i = 0; i < nodes; i++) {
    ports.push(await findFreePort(undefined, '127.0.0.1'));
    routePorts.push(await findFreePort(undefined, '127.0.0.1'));
  }
  const cluster = (i: number) =>
    nodes === 1
      ? ''
      : `server_name: n${i + 1}\ncluster {\n  name: cohort\n  listen: 127.0.0.1:${routePorts[i]}\n  routes: [${routePorts.map((port) => `"nats://127.0.0.1:${port}"`).join(', ')}]\n}\n`;
  const startNode = (i: number) =>
    startNats({
      dataDir: join(root, `nats-${i + 1}`),
      port: ports[i],
      authorization,
      config: cluster(i),
      logFile: join(root, `nats-${i + 1}.log`),
    });
  const natsFirst = await Promise.all(ports.map((_, i) => startNode(i)));
  await jetStreamReady(
    ports.map((port) => `nats://127.0.0.1:${port}`),
    passwords[NATS_OPERATOR],
  );
  const nats = natsFirst.map((server, i) => faultServer(server.url, () => startNode(i), server));
  const mongo = faultServer(mongoFirst.url, startMongo, mongoFirst);
  const natsUrl = ports.map((port) => `nats://127.0.0.1:${port}`).join(',');
  const servers: TestServers = {
    mongoUrl: mongoFirst.url,
    natsUrl: natsUrl.replace(/nats:\/\//, `nats://${NATS_OPERATOR}:${passwords[NATS_OPERATOR]}@`),
    natsEnvFor: (app: CohortApp) => ({
      NATS_URL: natsUrl,
      NATS_USER: app,
      NATS_PASSWORD: passwords[app],
      ...(nodes === 3 ? { EVENT_STREAM_REPLICAS: '3' } : {}),
    }),
    stop: async () => undefined,
  };
  return {
    ...servers,
    mongo,
    nats,
    stop: async () => {
      await Promise.all([mongo, ...nats].map((server) => server.stop().catch(() => undefined)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
