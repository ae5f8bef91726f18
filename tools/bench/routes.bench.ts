import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import { ServiceNames } from '@cohort/contracts';
import { findFreePort, findRepoRoot, waitForHttpOk } from '@cohort/local-infra';
import { BusRequestCounter } from '@cohort/testing';
import autocannon from 'autocannon';

import { startDevStack } from './dev-stack';
import { cpuMsByName, type StackProcess, stackProcesses } from './process-cpu';
import { type BenchRoute, seedRoutes } from './route-table';
import { runMain } from './run-main';

/** BENCH_ROUTES=group-info,member-list picks routes; BENCH_SKIP_BARE=1 skips the baseline (tools/bench/README.md). */
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PICKED = process.env.BENCH_ROUTES?.split(',').filter(Boolean);
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF_DIR;
const QUIET_MS = 500;
const IDLE_S = Number(process.env.BENCH_IDLE_S ?? 5);
/** The clock of V8's profile timestamps: the profiles are cut to the measured runs. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const window: { startUs?: number; endUs?: number } = {};
const PROCESS_ORDER = ['gateway', ...Object.values(ServiceNames), 'nats-server', 'database'];

interface Measured {
  route: BenchRoute;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  busRequests: number;
  cpuMs: Map<string, number>;
}

async function load(url: string, route: Pick<BenchRoute, 'method' | 'headers' | 'body'>, duration: number) {
  return autocannon({
    url,
    method: route.method,
    headers: route.headers,
    body: route.body,
    connections: CONNECTIONS,
    duration,
  });
}

async function measureBare(root: string): Promise<number> {
  const port = await findFreePort(undefined, '127.0.0.1');
  const child = spawn(process.execPath, [join(root, 'dist/tools/bench/hello-fastify.js'), String(port)], {
    cwd: root,
    stdio: 'ignore',
  });
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForHttpOk(url, { timeoutMs: 15_000 });
    await load(url, { method: 'GET', headers: {} }, WARMUP_S);
    const result = await load(url, { method: 'GET', headers: {} }, DURATION_S);
    return Math.round(result.requests.average);
  } finally {
    child.kill('SIGTERM');
  }
}

/** The requests autocannon left in flight when it stopped must count in the run that sent them. */
async function quiet(counter: BusRequestCounter): Promise<void> {
  let last = -1;
  while (last !== counter.total) {
    last = counter.total;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    await counter.settle();
  }
}

/** The per-request figures include this idle cost, which weighs when a route serves few requests per second. */
async function idleCpu(processes: StackProcess[], counter: BusRequestCounter): Promise<Map<string, number>> {
  await quiet(counter);
  const before = cpuMsByName(processes);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_S * 1000));
  const seconds = (performance.now() - started) / 1000;
  return new Map([...cpuMsByName(processes)].map(([name, ms]) => [name, (ms - (before.get(name) ?? 0)) / seconds]));
}

async function measureRoute(
  route: BenchRoute,
  processes: StackProcess[],
  counter: BusRequestCounter,
): Promise<Measured> {
  await load(route.url, route, WARMUP_S);
  await quiet(counter);
  const cpuBefore = cpuMsByName(processes);
  const busBefore = counter.total;
  window.startUs ??= monotonicUs();
  const result = await load(route.url, route, DURATION_S);
  await quiet(counter);
  const cpuAfter = cpuMsByName(processes);
  // Every request sent was served by now (the last ones after autocannon stopped counting them).
  const requests = result.requests.sent;
  const cpuMs = new Map([...cpuAfter].map(([name, ms]) => [name, (ms - (cpuBefore.get(name) ?? 0)) / requests]));
  return {
    route,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests,
    busRequests: (counter.total - busBefore) / requests,
    cpuMs,
  };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

function printTables(bare: number | undefined, rows: Measured[], names: string[], idle: Map<string, number>): void {
  const titleWidth = Math.max(...rows.map((row) => row.route.title.length), 20);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('');
  out(
    `${'route'.padEnd(titleWidth)} ${pad('req/s', 8)} ${pad('ratio', 7)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('NATS req/req', 13)} ${pad('errors', 7)}`,
  );
  if (bare !== undefined) out(`${'bare Fastify hello-world'.padEnd(titleWidth)} ${pad(bare, 8)} ${pad('1', 7)}`);
  for (const row of rows) {
    const ratio = bare ? (row.rps / bare).toFixed(4) : '-';
    out(
      `${row.route.title.padEnd(titleWidth)} ${pad(row.rps, 8)} ${pad(ratio, 7)} ${pad(row.p50, 7)} ${pad(row.p99, 7)} ${pad(row.busRequests.toFixed(2), 13)} ${pad(row.errors, 7)}`,
    );
  }
  out('');
  out('CPU per request, ms (user + system from /proc/<pid>/stat over the measured run, idle work included)');
  const width = Math.max(...names.map((name) => name.length), 6) + 1;
  out(`${'route'.padEnd(titleWidth)} ${names.map((name) => pad(name, width)).join('')} ${pad('total', 7)}`);
  const idleTotal = [...idle.values()].reduce((sum, ms) => sum + ms, 0);
  out(
    `${'(idle, after the routes: ms of CPU per s)'.padEnd(titleWidth)} ${names.map((name) => pad((idle.get(name) ?? 0).toFixed(1), width)).join('')} ${pad(idleTotal.toFixed(1), 7)}`,
  );
  for (const row of rows) {
    const cells = names.map((name) => pad((row.cpuMs.get(name) ?? 0).toFixed(3), width)).join('');
    const total = [...row.cpuMs.values()].reduce((sum, ms) => sum + ms, 0);
    out(`${row.route.title.padEnd(titleWidth)} ${cells} ${pad(total.toFixed(3), 7)}`);
  }
}

async function main(): Promise<void> {
  const root = findRepoRoot();
  const load1 = loadavg()[0].toFixed(1);
  const header = `bench routes: ${CONNECTIONS} connections, ${DURATION_S}s per route (after ${WARMUP_S}s warm-up), ${cpus().length} cores (load average ${load1} at start), node ${process.version}, ${new Date().toISOString()}`;
  process.stdout.write(`${header}\n`);
  const bare = process.env.BENCH_SKIP_BARE ? undefined : await measureBare(root);
  const profiling: Record<string, string> = CPU_PROF_DIR
    ? { COHORT_APP_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${resolve(CPU_PROF_DIR)}` }
    : {};
  const stack = await startDevStack(root, {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_SECOND: '100000000',
    RATE_LIMIT_PER_USER_PER_SECOND: '100000000',
    ...profiling,
  });
  // Listening to command subjects only keeps replies and JetStream traffic (and their cost) off the counter.
  const counter = await BusRequestCounter.open(stack.natsUrl, {
    subjects: Object.values(ServiceNames).map((service) => `${service}.>`),
  });
  try {
    const routes = (await seedRoutes(stack.baseUrl)).filter((route) => !PICKED || PICKED.includes(route.key));
    const processes = stackProcesses(stack.runner.pid ?? process.pid);
    if (CPU_PROF_DIR)
      writeFileSync(
        join(CPU_PROF_DIR, 'processes.json'),
        JSON.stringify(Object.fromEntries(processes.map((p) => [p.pid, p.name]))),
      );
    const names = [
      ...new Set([
        ...PROCESS_ORDER.filter((name) => processes.some((p) => p.name === name)),
        ...processes.map((p) => p.name),
      ]),
    ];
    const rows: Measured[] = [];
    for (const route of routes) {
      const row = await measureRoute(route, processes, counter);
      window.endUs = monotonicUs();
      process.stdout.write(
        `  measured ${route.title}: ${row.rps} req/s, ${row.requests} requests, ${row.errors} errors\n`,
      );
      rows.push(row);
    }
    if (CPU_PROF_DIR) writeFileSync(join(CPU_PROF_DIR, 'window.json'), JSON.stringify(window));
    const idle = await idleCpu(processes, counter);
    printTables(bare, rows, names, idle);
  } finally {
    await counter.close();
    await stack.stop();
  }
}

runMain(main);
