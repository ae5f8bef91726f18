// The gateway and the services started while NATS is not up yet (a host rebooting, NATS slower to
// come back): they keep trying, and the system answers once NATS is there — nobody needs a restart.
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

import {
  ALL_APPS,
  builtAppMain,
  findFreePort,
  findRepoRoot,
  GATEWAY_APP,
  generateNatsPasswords,
  isServiceApp,
  type ManagedProcess,
  natsAuthorizationConfig,
  type RunningServer,
  startManagedProcess,
  startNats,
  waitForHttpOk,
} from '@cohort/local-infra';
import { pollUntil, shortId, startTestMongo, type TestServer } from '@cohort/testing';

describe('NATS not up when the apps start', () => {
  const root = findRepoRoot();
  const dataDir = join(root, '.infra', 'test', `nats-late-${process.pid}-${shortId()}`);
  const apps: ManagedProcess[] = [];
  let mongo: TestServer;
  let nats: RunningServer | undefined;

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await nats?.stop();
    await mongo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the gateway and the services connect once NATS comes up, and /health turns 200', async () => {
    mongo = await startTestMongo();
    const natsPort = await findFreePort(undefined, '127.0.0.1');
    const httpPort = await findFreePort(undefined, '127.0.0.1');
    const passwords = generateNatsPasswords();
    // Stands where NATS will be: refuses every connection, and tells us once the apps have tried.
    let attempts = 0;
    const refuser: Server = createServer((socket) => {
      attempts++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => refuser.listen(natsPort, '127.0.0.1', resolve));
    const run = shortId(2);
    for (const app of ALL_APPS) {
      apps.push(
        startManagedProcess({
          name: app,
          command: process.execPath,
          args: [builtAppMain(root, app)],
          cwd: root,
          logFile: join(root, '.infra', 'logs', 'nats_late', `${app}.log`),
          env: {
            ...process.env,
            NODE_ENV: 'test',
            LOG_LEVEL: 'info',
            NATS_URL: `nats://127.0.0.1:${natsPort}`,
            NATS_USER: app,
            NATS_PASSWORD: passwords[app],
            ...(isServiceApp(app)
              ? { MONGO_URL: mongo.url, MONGO_DB: `e2e_nats_late_${run}_${app.replace('-', '_')}` }
              : {}),
            ...(app === GATEWAY_APP ? { PORT: String(httpPort), HOST: '127.0.0.1' } : {}),
          },
        }),
      );
    }
    // Every app has tried (and been refused) at least twice before NATS comes up.
    await pollUntil(() => attempts >= 2 * ALL_APPS.length, { timeoutMs: 60_000 });
    expect(apps.filter((app) => app.hasExited()).map((app) => app.name)).toEqual([]);
    await new Promise<void>((resolve) => refuser.close(() => resolve()));

    nats = await startNats({
      dataDir,
      port: natsPort,
      authorization: natsAuthorizationConfig((user) => JSON.stringify(passwords[user])),
    });
    await waitForHttpOk(`http://127.0.0.1:${httpPort}/health`, {
      timeoutMs: 90_000,
      shouldAbort: () => apps.find((app) => app.hasExited())?.name,
    });
  }, 180_000);
});
