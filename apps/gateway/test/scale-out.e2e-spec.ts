// Every service runs as two processes on one NATS and one database — what `docker compose` does
// with `replicas: 2`. Requests are shared between instances through each service's queue group;
// each durable event is handled once per service (its instances pull from one durable consumer),
// so the purge after `group.destroyed` happens exactly once.
import { readFileSync } from 'node:fs';

import { SERVICE_APPS, type ServiceApp } from '@cohort/local-infra';
import { expectEventually } from '@cohort/testing';

import { expectOk, newUserId } from './group-e2e.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';
import { groupKey } from './stack-db';

/** Services with a durable `group.destroyed` consumer (the ones that purge a destroyed group). */
const PURGING_SERVICES: ServiceApp[] = ['membership', 'moderation', 'content', 'room-metadata'];
const GROUPS = 8;

describe('scale-out: every service twice on one NATS', () => {
  const e2e = useGroupStack('scale-out', { instances: 2, env: { ...HIGH_RATE_LIMIT, LOG_LEVEL: 'debug' } });
  const { member } = e2e.users;

  /** The JSON log lines of each instance of a service, in instance order. */
  const instanceLogs = (app: ServiceApp): { msg?: string }[][] =>
    e2e.stack.logFiles(app).map((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string }),
    );

  /** How many bus requests each instance of a service has answered so far. */
  const answeredPerInstance = (app: ServiceApp) =>
    instanceLogs(app).map((lines) => lines.filter((line) => / answered /.test(line.msg ?? '')).length);

  /** eventId → how many times it was handled, over all instances of a service, for one durable. */
  function handledCounts(app: ServiceApp, durable: string): Map<string, number> {
    const counts = new Map<string, number>();
    const pattern = new RegExp(`^${durable}: (\\S+) handled$`);
    for (const line of instanceLogs(app).flat()) {
      const eventId = pattern.exec(line.msg ?? '')?.[1];
      if (eventId) counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
    }
    return counts;
  }

  it('runs two processes per service, each logging its own lines', () => {
    for (const app of SERVICE_APPS) {
      expect(e2e.stack.logFiles(app)).toHaveLength(2);
      for (const lines of instanceLogs(app)) expect(lines.length).toBeGreaterThan(0);
    }
  });

  it('shares requests between the two instances of every service (queue group)', async () => {
    const before = new Map(SERVICE_APPS.map((app) => [app, answeredPerInstance(app)]));
    const group = await e2e.api.createGroup(e2e.tokens.owner, { name: 'shared', user_list: [member] });
    // /health asks every service once; /group/info asks groups and membership.
    for (let i = 0; i < 40; i++) {
      const [health, info] = await Promise.all([
        e2e.api.get('/health', { query: { app_id: null } }),
        e2e.api.getInfo(e2e.tokens.owner, group.group_id),
      ]);
      expect({ status: health.status, body: health.body }).toMatchObject({ status: 200, body: { status: 'ok' } });
      expectOk(info);
    }
    for (const app of SERVICE_APPS) {
      const after = answeredPerInstance(app);
      const delta = after.map((count, i) => count - (before.get(app)?.[i] ?? 0));
      // 40+ requests each: an instance left out would mean no queue group sharing (2^-39 by chance).
      expect({ app, bothAnswered: delta.every((n) => n > 0) }).toEqual({ app, bothAnswered: true });
      expect(delta.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(40);
    }
  });

  it('handles each group.destroyed once per service, not once per instance, and purges exactly once', async () => {
    const groups = await Promise.all(
      Array.from({ length: GROUPS }, (_, i) =>
        e2e.api.createGroup(e2e.tokens.owner, { name: `doomed ${i}`, user_list: [member, newUserId()] }),
      ),
    );
    for (const group of groups) {
      expect(await e2e.db.members.countDocuments(groupKey(group.group_id))).toBe(3);
    }
    for (const group of groups) {
      expectOk(
        await e2e.api.delete('/group/destroy', { token: e2e.tokens.owner, query: { group_id: group.group_id } }),
        true,
      );
    }

    // Every purging service handled every one of the GROUPS events (the same event ids)...
    await expectEventually(
      () => {
        for (const app of PURGING_SERVICES) {
          expect({ app, handled: handledCounts(app, `${app}__group_destroyed`).size }).toEqual({
            app,
            handled: GROUPS,
          });
        }
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const eventIds = [...handledCounts('membership', 'membership__group_destroyed').keys()].sort();
    for (const app of PURGING_SERVICES) {
      const counts = handledCounts(app, `${app}__group_destroyed`);
      expect([...counts.keys()].sort()).toEqual(eventIds);
      // ...exactly once over its two instances.
      expect({ app, counts: [...counts.values()] }).toEqual({ app, counts: Array(GROUPS).fill(1) });
    }
    for (const group of groups) {
      expect(await e2e.db.members.countDocuments(groupKey(group.group_id))).toBe(0);
      expect(await e2e.db.rosters.countDocuments(groupKey(group.group_id))).toBe(0);
    }
  });
});
