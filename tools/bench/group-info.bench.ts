import { type ChildProcess, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { findFreePort, findRepoRoot, waitForHttpOk } from '@cohort/local-infra';
import { startStack } from '@cohort/testing';
import autocannon from 'autocannon';

import { postJson } from './bench-http';
import { runMain } from './run-main';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

interface Numbers {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(
  title: string,
  url: string,
  headers: Record<string, string> = {},
  connections = CONNECTIONS,
): Promise<Numbers> {
  await autocannon({ url, headers, connections, duration: 2 });
  const result = await autocannon({ url, headers, connections, duration: DURATION_S });
  const numbers = {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
  process.stdout.write(
    `${title.padEnd(36)} ${String(numbers.rps).padStart(8)} req/s   p50 ${numbers.p50} ms   p99 ${numbers.p99} ms   errors ${numbers.errors}\n`,
  );
  return numbers;
}

async function startBaseline(root: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await findFreePort(undefined, '127.0.0.1');
  const child = spawn(process.execPath, [join(root, 'dist/tools/bench/hello-fastify.js'), String(port)], {
    cwd: root,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttpOk(url, { timeoutMs: 15_000 });
  return { url, child };
}

async function main(): Promise<void> {
  const root = findRepoRoot();
  process.stdout.write(
    `bench: ${CONNECTIONS} connections, ${DURATION_S}s per target, machine with ${cpus().length} cores\n`,
  );
  const baseline = await startBaseline(root);
  const stack = await startStack({
    suite: 'bench',
    env: { RATE_LIMIT_PER_SECOND: '100000000', RATE_LIMIT_PER_USER_PER_SECOND: '100000000', LOG_LEVEL: 'warn' },
  });
  try {
    const { access_token: token } = await postJson<{ access_token: string }>(`${stack.baseUrl}/token`, {
      client_id: 'demo',
      client_secret: 'demo-secret',
      user_id: '1001',
    });
    const created = await postJson<{ data: { group_id: number } }>(
      `${stack.baseUrl}/group/create?app_id=demo`,
      { name: 'bench', user_list: [1002, 1003] },
      { 'access-token': token },
    );
    const bare = await measure('bare Fastify hello-world', baseline.url);
    const infoUrl = `${stack.baseUrl}/group/info?app_id=demo&group_id=${created.data.group_id}`;
    const full = await measure('GET /group/info (full stack)', infoUrl, { 'access-token': token });
    // Unloaded latency: one request at a time through the whole stack.
    await measure('GET /group/info, 1 connection', infoUrl, { 'access-token': token }, 1);
    process.stdout.write(
      `ratio full/bare throughput: ${(full.rps / bare.rps).toFixed(3)}  (bare is ${(bare.rps / full.rps).toFixed(1)}x faster)\n`,
    );
  } finally {
    baseline.child.kill('SIGTERM');
    await stack.stop();
  }
}

runMain(main);
