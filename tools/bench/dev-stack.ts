import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { findFreePort, type ManagedProcess, startManagedProcess, waitForHttpOk } from '@cohort/local-infra';

import { devOperatorUrl } from '../dev/dev-nats-credentials';

export interface DevStack {
  baseUrl: string;
  natsUrl: string;
  /** Every process of the stack descends from it. */
  runner: ManagedProcess;
  stop(): Promise<void>;
}

/** Data and logs in `.infra/bench/` (wiped first), so the developer's own stack is left alone. */
export async function startDevStack(root: string, env: Record<string, string>): Promise<DevStack> {
  const dir = join(root, '.infra', 'bench');
  rmSync(dir, { recursive: true, force: true });
  const port = await findFreePort(undefined, '127.0.0.1');
  let natsUrl: string | undefined;
  const runner = startManagedProcess({
    name: 'npm start',
    command: process.execPath,
    args: [join(root, 'dist/tools/dev/start.js')],
    cwd: root,
    env: { ...process.env, ...env, COHORT_DEV_DIR: dir, PORT: String(port), HOST: '127.0.0.1' },
    logFile: join(dir, 'runner.log'),
    onLine: (line) => {
      natsUrl ??= /(?:NATS \(JetStream\) on |using NATS_URL=)(\S+)/.exec(line)?.[1];
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttpOk(`${baseUrl}/health`, {
      timeoutMs: 180_000,
      shouldAbort: () => (runner.hasExited() ? `the runner exited:\n${runner.tail()}` : undefined),
    });
  } catch (error) {
    await runner.stop();
    throw error;
  }
  if (!natsUrl) throw new Error(`the runner did not say where NATS is:\n${runner.tail()}`);
  // The runner's bus is authenticated: the bench listens as the operator, whose password it saved.
  return { baseUrl, natsUrl: devOperatorUrl() ?? natsUrl.replace(/,$/, ''), runner, stop: () => runner.stop(30_000) };
}
