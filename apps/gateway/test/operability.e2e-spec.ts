// What the on-call engineer reads without logs: every process's /livez, /readyz and /metrics
// (the gateway on its HTTP port, each service on its OPS_PORT), and traces. The metric families
// carry bounded labels (route templates, subjects, collections, no ids); one request is one trace
// across the gateway, the services, their database calls and the event consumers it caused;
// readiness follows the database down and back up. The suite owns its servers (the dev database
// is killed and restarted) and a collector the processes export their spans to.
import { findFreePort, SERVICE_APPS, type ServiceApp } from '@cohort/local-infra';
import { type FaultServers, pollUntil, type Stack, startFaultServers, startStack } from '@cohort/testing';

import { Api, demoApp, newUserId } from './group-e2e.helpers';
import { OtlpReceiver } from './otlp-receiver';
import { declaredFamilies, parsePrometheusText, type Sample } from './prometheus-text';

interface Probe {
  status: number;
  body: { status: string; checks?: Record<string, string>; services?: Record<string, string> };
}

async function probe(url: string): Promise<Probe> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Probe['body'] };
}

async function metricsOf(url: string): Promise<{ text: string; samples: Sample[] }> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return { text, samples: parsePrometheusText(text) };
}

const find = (samples: Sample[], name: string, labels: Record<string, string | RegExp>): Sample[] =>
  samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, want]) =>
        typeof want === 'string' ? sample.labels[key] === want : want.test(sample.labels[key] ?? ''),
      ),
  );

const READY_CHECKS = { nats: 'ok', database: 'ok', consumers: 'ok', indexes: 'ok' };

describe('operability: probes and metrics on every process', () => {
  let servers: FaultServers & { stop(): Promise<void> };
  let stack: Stack;
  let api: Api;
  let collector: OtlpReceiver;
  const ops = {} as Record<ServiceApp, string>;

  beforeAll(async () => {
    servers = await startFaultServers();
    collector = await OtlpReceiver.start();
    const appEnv: Parameters<typeof startStack>[0]['appEnv'] = { gateway: { APPS_JSON: JSON.stringify([demoApp()]) } };
    for (const app of SERVICE_APPS) {
      const port = await findFreePort(undefined, '127.0.0.1');
      ops[app] = `http://127.0.0.1:${port}`;
      appEnv[app] = { OPS_PORT: String(port), OPS_HOST: '127.0.0.1' };
    }
    // A user's share of an app's budget small enough that a burst of group info is refused.
    // Tracing on, spans sent every 100 ms.
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    stack = await startStack({
      suite: 'operability',
      servers,
      env: { RATE_LIMIT_PER_SECOND: '10000', RATE_LIMIT_PER_USER_PER_SECOND: '3', ...tracing },
      appEnv,
      // One process per app: each gets its own ops port above (also under COHORT_E2E_INSTANCES).
      instances: 1,
    });
    api = new Api(stack.baseUrl);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await servers?.stop();
    await collector?.stop();
  }, 60_000);

  it('every process is alive and ready; the gateway checks NATS, each service NATS, its database, consumers and indexes', async () => {
    expect(await probe(`${stack.baseUrl}/livez`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await probe(`${stack.baseUrl}/readyz`)).toEqual({
      status: 200,
      body: { status: 'ok', checks: { nats: 'ok' } },
    });
    for (const app of SERVICE_APPS) {
      expect({ app, ...(await probe(`${ops[app]}/livez`)) }).toEqual({ app, status: 200, body: { status: 'ok' } });
      expect({ app, ...(await probe(`${ops[app]}/readyz`)) }).toEqual({
        app,
        status: 200,
        body: { status: 'ok', checks: READY_CHECKS },
      });
    }
  });

  it('after a few requests, /metrics exposes each family with bounded labels', async () => {
    const owner = newUserId();
    const [appToken, ownerToken] = await Promise.all([api.token(), api.token(owner)]);
    const group = await api.createGroup(ownerToken, { name: 'observed' });
    // A burst over the user's share (3 a second): some are refused (code 429 in a 200: the /group dialect's way).
    const burst = await Promise.all(Array.from({ length: 8 }, () => api.getInfo(ownerToken, group.group_id)));
    expect(burst.map((res) => res.body.code)).toContain(429);
    expect(
      (await api.get('/group/send_check', { token: appToken, query: { group_id: group.group_id, user_id: owner } }))
        .status,
    ).toBe(200);
    expect((await fetch(`${stack.baseUrl}/no/such/${owner}`)).status).toBe(404);

    const gateway = await metricsOf(stack.baseUrl);
    const http = 'cohort_http_request_duration_seconds_count';
    expect(
      find(gateway.samples, http, { dialect: 'group', route: '/group/create', status: '200', app: 'demo' }),
    ).toEqual([expect.objectContaining({ value: 1 })]);
    expect(find(gateway.samples, http, { dialect: 'group', route: '/group/info', status: '200', app: 'demo' })).toEqual(
      [expect.objectContaining({ value: 8 })],
    );
    expect(
      find(gateway.samples, http, { dialect: 'none', route: '(unmatched)', status: '404', app: 'none' })[0]?.value,
    ).toBeGreaterThanOrEqual(1);
    expect(
      find(gateway.samples, 'cohort_rate_limit_refusals_total', { family: 'group:info' })[0]?.value,
    ).toBeGreaterThanOrEqual(1);
    expect(
      find(gateway.samples, 'cohort_bus_request_duration_seconds_count', {
        side: 'client',
        subject: /^groups\./,
        outcome: 'ok',
      }).length,
    ).toBeGreaterThan(0);

    const groups = await metricsOf(ops.groups);
    expect(
      find(groups.samples, 'cohort_bus_request_duration_seconds_count', {
        side: 'server',
        subject: /^groups\./,
        outcome: 'ok',
      }).length,
    ).toBeGreaterThan(0);
    expect(
      find(groups.samples, 'cohort_db_command_duration_seconds_count', {
        collection: 'groups',
        operation: 'insert',
        outcome: 'ok',
      }).length,
    ).toBe(1);
    expect(find(groups.samples, 'cohort_outbox_backlog_documents', { collection: 'groups' })).toHaveLength(1);

    const moderation = await metricsOf(ops.moderation);
    expect(
      find(moderation.samples, 'cohort_send_decision_cache_lookups_total', { facts: 'user', result: /^(hit|miss)$/ })
        .length,
    ).toBeGreaterThan(0);

    // Every service with durable consumers reports each one's pending, in-hand and redelivered counts.
    const membership = await metricsOf(ops.membership);
    const pending = find(membership.samples, 'cohort_event_consumer_pending', { consumer: /^membership/ });
    expect(pending.length).toBeGreaterThan(0);
    for (const family of ['cohort_event_consumer_ack_pending', 'cohort_event_consumer_redelivered']) {
      expect(
        find(membership.samples, family, {})
          .map((sample) => sample.labels.consumer)
          .sort(),
      ).toEqual(pending.map((sample) => sample.labels.consumer).sort());
    }

    for (const app of SERVICE_APPS) {
      const { text } = await metricsOf(ops[app]);
      expect({ app, families: declaredFamilies(text) }).toEqual({
        app,
        families: expect.arrayContaining([
          'cohort_bus_request_duration_seconds',
          'cohort_db_command_duration_seconds',
          'cohort_dead_letters_total',
          'cohort_webhook_deliveries_total',
          'process_cpu_seconds_total',
        ]),
      });
      // Bounded labels: no user or group id ever becomes a label value.
      expect(text).not.toContain(owner);
      expect(text).not.toContain(String(group.group_id));
    }
    expect(gateway.text).not.toContain(owner);
    expect(gateway.text).not.toContain(String(group.group_id));
  });

  it('a request is one trace: the gateway, the services it asked, their database calls and the event consumers it caused', async () => {
    const token = await api.token(newUserId());
    const group = await api.createGroup(token, { name: 'traced' });
    const root = await pollUntil(
      () =>
        collector.spans.find(
          (span) => span.service === 'gateway' && span.name === 'POST /group/create' && !span.parentSpanId,
        ),
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    // The events it caused are consumed in their own time: wait for the audit trail's.
    await pollUntil(
      () =>
        collector
          .trace(root.traceId)
          .some((span) => span.service === 'audit' && span.name === 'consume audit__group_created'),
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const spans = collector.trace(root.traceId);
    const names = (service: string) => spans.filter((span) => span.service === service).map((span) => span.name);
    expect(names('gateway')).toEqual(
      expect.arrayContaining(['POST /group/create', expect.stringMatching(/^send groups\./)]),
    );
    expect(names('groups')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^handle groups\./),
        expect.stringMatching(/^(insert|update|findAndModify) groups$/),
      ]),
    );
    expect(names('audit')).toEqual(
      expect.arrayContaining(['consume audit__group_created', expect.stringMatching(/^(insert|update) /)]),
    );
    // One tree: every span but the root has its parent in the trace.
    const ids = new Set(spans.map((span) => span.spanId));
    expect(spans.filter((span) => span !== root && !ids.has(span.parentSpanId ?? ''))).toEqual([]);
    expect(String(group.group_id)).toMatch(/^\d+$/);
  });

  it('/readyz turns not ready when the database is stopped, and ready again once it is back', async () => {
    await servers.mongo.kill();
    try {
      await pollUntil(async () => (await probe(`${ops.groups}/readyz`)).status === 503, {
        timeoutMs: 30_000,
        intervalMs: 200,
      });
      const down = await probe(`${ops.groups}/readyz`);
      expect(down.body).toEqual({
        status: 'not-ready',
        checks: { ...READY_CHECKS, database: expect.not.stringMatching(/^ok$/) },
      });
      // Alive all the while: only readiness follows the database.
      expect((await probe(`${ops.groups}/livez`)).status).toBe(200);
      const health = await probe(`${stack.baseUrl}/health`);
      expect(health.status).toBe(503);
      expect(health.body.services?.groups).toMatch(/^not ready: database /);
    } finally {
      await servers.mongo.restart();
    }
    for (const app of SERVICE_APPS) {
      await pollUntil(async () => (await probe(`${ops[app]}/readyz`)).status === 200, {
        timeoutMs: 60_000,
        intervalMs: 200,
      });
    }
    expect(await probe(`${ops.groups}/readyz`)).toEqual({ status: 200, body: { status: 'ok', checks: READY_CHECKS } });
    await stack.waitHealthy(60_000);
  });
});
