import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import {
  type CohortApp,
  DEFAULT_MONGO_HEAP,
  findRepoRoot,
  generateNatsPasswords,
  NATS_OPERATOR,
  natsAuthorizationConfig,
  startMongoJavaServer,
  startNats,
} from '@cohort/local-infra';

import { shortId } from './db-names';

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

export interface TestNats extends TestServer {
  envFor(app: CohortApp): Record<string, string>;
}

export interface TestServers {
  mongoUrl: string;
  natsUrl: string;
  natsEnvFor(app: CohortApp): Record<string, string>;
  /** Never a server given through the environment. */
  stop(): Promise<void>;
}

export const SHARED_MONGO_URL_ENV = 'COHORT_TEST_MONGO_URL';

let dockerAnswers: boolean | undefined;

/** Testcontainers when a Docker engine answers, else local binaries; `COHORT_TEST_INFRA=docker|local` forces one. */
export function testInfraMode(): 'docker' | 'local' {
  const forced = process.env.COHORT_TEST_INFRA;
  if (forced === 'docker' || forced === 'local') return forced;
  if (dockerAnswers === undefined) {
    const probe = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    dockerAnswers = probe.status === 0 && probe.stdout.toString().trim().length > 0;
  }
  return dockerAnswers ? 'docker' : 'local';
}

function scratchDir(kind: string): string {
  return join(findRepoRoot(), '.infra', 'test', `${kind}-${process.pid}-${shortId()}`);
}

export async function startMongoServer(): Promise<TestServer> {
  if (testInfraMode() === 'docker') {
    const { MongoDBContainer } = await import('@testcontainers/mongodb');
    const container = await new MongoDBContainer('mongo:7').start();
    return {
      url: `${container.getConnectionString()}/?directConnection=true`,
      stop: async () => {
        await container.stop();
      },
    };
  }
  const logFile = join(scratchDir('mongo'), 'mongo-java-server.log');
  const server = await startMongoJavaServer({
    rootDir: findRepoRoot(),
    heap: process.env.COHORT_MONGO_HEAP || DEFAULT_MONGO_HEAP,
    logFile,
  });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dirname(logFile), { recursive: true, force: true });
    },
  };
}

export async function startNatsServer(): Promise<TestNats> {
  if (testInfraMode() === 'docker') {
    const { NatsContainer } = await import('@testcontainers/nats');
    const container = await new NatsContainer('nats:2').withJetStream().start();
    const { servers, user, pass } = container.getConnectionOptions();
    const auth = user && pass ? `${encodeURIComponent(user)}:${encodeURIComponent(pass)}@` : '';
    const url = `nats://${auth}${String(servers)}`;
    return {
      url,
      envFor: () => ({ NATS_URL: url }),
      stop: async () => {
        await container.stop();
      },
    };
  }
  const dataDir = scratchDir('nats');
  const passwords = generateNatsPasswords();
  const server = await startNats({
    dataDir,
    logFile: join(dataDir, 'nats.log'),
    authorization: natsAuthorizationConfig((user) => JSON.stringify(passwords[user])),
  });
  return {
    url: server.url.replace('nats://', `nats://${NATS_OPERATOR}:${passwords[NATS_OPERATOR]}@`),
    envFor: (app) => ({ NATS_URL: server.url, NATS_USER: app, NATS_PASSWORD: passwords[app] }),
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestMongo(): Promise<TestServer> {
  const given = process.env.MONGO_URL || process.env[SHARED_MONGO_URL_ENV];
  if (given) return { url: given, stop: async () => undefined };
  return startMongoServer();
}

/** A NATS per suite isolates subjects and JetStream between suites. */
export async function startTestServers(): Promise<TestServers> {
  const owned: TestServer[] = [];
  try {
    const mongo = await startTestMongo();
    owned.push(mongo);
    const given = process.env.NATS_URL;
    let natsUrl = given ?? '';
    let natsEnvFor = (_app: CohortApp): Record<string, string> => ({ NATS_URL: natsUrl });
    if (!given) {
      const nats = await startNatsServer();
      owned.push(nats);
      natsUrl = nats.url;
      natsEnvFor = (app) => nats.envFor(app);
    }
    return {
      mongoUrl: mongo.url,
      natsUrl,
      natsEnvFor,
      stop: async () => {
        await Promise.all(owned.map((server) => server.stop()));
      },
    };
  } catch (error) {
    await Promise.all(owned.map((server) => server.stop().catch(() => undefined)));
    throw error;
  }
}
