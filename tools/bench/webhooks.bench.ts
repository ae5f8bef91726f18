import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { natsConnectOptions } from '@cohort/bus';
import { type DomainEvent, eventSubject } from '@cohort/contracts';
import { startStack } from '@cohort/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';

import { postJson } from './bench-http';

/** Events of the throughput and lag phases are published straight to JetStream, as the services publish them. */
const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 10_000);
const GROUPS = Number(process.env.BENCH_WEBHOOK_GROUPS ?? 200);
const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
const WRITES = Number(process.env.BENCH_WEBHOOK_WRITES ?? 400);
const PUBLISH_WINDOW = 256;

const codec = JSONCodec<DomainEvent>();

interface Receiver {
  url: string;
  received: Map<string, number>;
  close(): void;
}

async function startReceiver(): Promise<Receiver> {
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = req.headers['webhook-id'];
      if (typeof id === 'string' && !received.has(id)) received.set(id, performance.now());
      res.writeHead(200).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => server.close(),
  };
}

function syntheticEvent(group: number, n: number): DomainEvent {
  return {
    eventId: randomUUID(),
    type: 'member.muted',
    occurredAt: new Date().toISOString(),
    appId: 'demo',
    groupId: String(9_000_000_000 + group),
    actor: { userId: null, isAppAdmin: true },
    correlationId: `bench-${n}`,
    data: { userId: String(1_000_000 + n), until: -1 },
  } as DomainEvent;
}

async function publish(nc: NatsConnection, event: DomainEvent): Promise<void> {
  await nc.jetstream().publish(eventSubject(event.type), codec.encode(event), { msgID: event.eventId });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};

async function waitFor(receiver: Receiver, ids: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ids.every((id) => receiver.received.has(id))) {
    if (Date.now() > deadline)
      throw new Error(
        `${ids.filter((id) => !receiver.received.has(id)).length} of ${ids.length} events not received in time`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  const receiver = await startReceiver();
  const stack = await startStack({
    suite: 'bench_webhooks',
    env: { RATE_LIMIT_PER_SECOND: '100000000', LOG_LEVEL: 'warn' },
    appEnv: { webhooks: { WEBHOOK_ALLOW_NETWORKS: 'loopback', WEBHOOK_POLL_MS: '50', WEBHOOK_CONCURRENCY: '64' } },
  });
  const nc = await connect(natsConnectOptions({ natsUrl: stack.natsUrl }, 'bench'));
  try {
    const { access_token: token } = await postJson<{ access_token: string }>(`${stack.baseUrl}/token`, {
      client_id: 'demo',
      client_secret: 'demo-secret',
    });
    const bearer = { authorization: `Bearer ${token}` };

    const writes = await writePath(stack.baseUrl, token);
    const endpoints = [];
    for (let i = 0; i < 3; i++)
      endpoints.push(
        await postJson<{ endpointId: string }>(
          `${stack.baseUrl}/admin/v1/webhooks`,
          { url: `${receiver.url}?e=${i}` },
          bearer,
        ),
      );
    const writesWith3 = await writePath(stack.baseUrl, token);
    process.stdout.write(
      `write path (${WRITES} sequential mutes and unmutes): no endpoint p50 ${writes.p50.toFixed(1)} ms p99 ${writes.p99.toFixed(1)} ms; 3 endpoints p50 ${writesWith3.p50.toFixed(1)} ms p99 ${writesWith3.p99.toFixed(1)} ms\n`,
    );
    // Phases 1 and 2 with one endpoint: disable two.
    for (const { endpointId } of endpoints.slice(1)) {
      await fetch(`${stack.baseUrl}/admin/v1/webhooks/${endpointId}`, {
        method: 'PATCH',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ disabled: true }),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the write phase's own deliveries drain
    receiver.received.clear();

    const burst = Array.from({ length: EVENTS }, (_, n) => syntheticEvent(n % GROUPS, n));
    const started = performance.now();
    for (let i = 0; i < burst.length; i += PUBLISH_WINDOW)
      await Promise.all(burst.slice(i, i + PUBLISH_WINDOW).map((event) => publish(nc, event)));
    const published = performance.now();
    await waitFor(
      receiver,
      burst.map((e) => e.eventId),
      600_000,
    );
    const done = performance.now();
    process.stdout.write(
      `throughput: ${EVENTS} events over ${GROUPS} groups published in ${((published - started) / 1000).toFixed(1)} s, all received after ${((done - started) / 1000).toFixed(1)} s: ${Math.round(EVENTS / ((done - started) / 1000))} events/s delivered\n`,
    );

    receiver.received.clear();
    const sentAt = new Map<string, number>();
    const total = RATE * SECONDS;
    const paceStart = performance.now();
    for (let n = 0; n < total; n++) {
      const due = paceStart + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const event = syntheticEvent(n % GROUPS, n);
      sentAt.set(event.eventId, performance.now());
      publish(nc, event).catch((error: unknown) => process.stderr.write(`publish failed: ${String(error)}\n`));
    }
    const pacedFor = (performance.now() - paceStart) / 1000;
    await waitFor(receiver, [...sentAt.keys()], 600_000);
    const lags = [...sentAt].map(([id, at]) => (receiver.received.get(id) ?? at) - at);
    process.stdout.write(
      `lag at ${RATE} events/s (${total} events in ${pacedFor.toFixed(1)} s, ${GROUPS} groups): p50 ${percentile(lags, 50).toFixed(0)} ms, p99 ${percentile(lags, 99).toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms\n`,
    );
  } finally {
    await nc.close();
    await stack.stop();
    receiver.close();
  }
}

async function writePath(baseUrl: string, token: string): Promise<{ p50: number; p99: number }> {
  const app = { 'access-token': token };
  const created = await postJson<{ data: { group_id: number } }>(
    `${baseUrl}/group/create?app_id=demo`,
    { name: 'bench', user_list: ['2000001'] },
    { ...app, user_id: '2000000' },
  );
  const latencies: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const path = i % 2 === 0 ? 'ban' : 'unban';
    const body =
      i % 2 === 0
        ? { group_id: created.data.group_id, user_list: ['2000001'], duration: 10 }
        : { group_id: created.data.group_id, user_list: ['2000001'] };
    const startedAt = performance.now();
    await postJson(`${baseUrl}/group/${path}?app_id=demo`, body, app);
    latencies.push(performance.now() - startedAt);
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
