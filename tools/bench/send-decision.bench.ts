import { randomUUID } from 'node:crypto';

import { natsConnectOptions } from '@cohort/bus';
import { type CommandEnvelope, ModerationCommands, type SendDecision, type SendDecisionStats } from '@cohort/contracts';
import { startStack } from '@cohort/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';

import { postJson } from './bench-http';
import { runMain } from './run-main';

/**
 * The cold path (each decision reads the database), the warm path with IN_FLIGHT requests outstanding,
 * then latency one at a time; moderation's sweeps are off so that nothing else touches the database.
 */
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 600);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 100_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 128);
const BATCH = 60;

const codec = JSONCodec();

interface Phase {
  decisions: number;
  seconds: number;
  latencies: number[];
  reasons: Map<string, number>;
}

async function main(): Promise<void> {
  const stack = await startStack({
    suite: 'bench_send',
    env: {
      RATE_LIMIT_PER_SECOND: '100000000',
      RATE_LIMIT_PER_USER_PER_SECOND: '100000000',
      LOG_LEVEL: 'warn',
      SWEEP_INTERVAL_MS: '3600000',
    },
  });
  const nc = await connect(natsConnectOptions({ natsUrl: stack.natsUrl }, 'bench'));
  try {
    const { access_token: token } = await postJson<{ access_token: string }>(`${stack.baseUrl}/token`, {
      client_id: 'demo',
      client_secret: 'demo-secret',
    });
    const room = await seedRoom(stack.baseUrl, token, nc);
    const users = room.members;
    process.stdout.write(
      `chatroom ${room.id}: ${users.length} members, mute-all on, ${room.muted} muted, ${room.allowlisted} allowlisted\n`,
    );

    // Moderation projects the members' events into its database in the background: let it finish,
    // so that the counts below are the decisions' own.
    const before = await settled(nc);
    const cold = await run(nc, room.id, users, users.length, IN_FLIGHT);
    const afterCold = await stats(nc);
    const warm = await run(nc, room.id, users, DECISIONS, IN_FLIGHT);
    const afterWarm = await stats(nc);
    const unloaded = await run(nc, room.id, users, Math.min(DECISIONS, 5_000), 1);
    const afterUnloaded = await stats(nc);

    report('cold (each user the first time)', cold, before, afterCold);
    report(`warm (cached), ${IN_FLIGHT} in flight`, warm, afterCold, afterWarm);
    report('warm, one at a time', unloaded, afterWarm, afterUnloaded);
    process.stdout.write(`ratio warm / cold decisions per second: ${(rate(warm) / rate(cold)).toFixed(1)}\n`);
    process.stdout.write(`answers (warm): ${[...warm.reasons].map(([reason, n]) => `${reason} ${n}`).join(', ')}\n`);
  } finally {
    await nc.close();
    await stack.stop();
  }
}

async function seedRoom(
  baseUrl: string,
  token: string,
  nc: NatsConnection,
): Promise<{ id: string; members: string[]; muted: number; allowlisted: number }> {
  const app = { 'access-token': token };
  const created = await postJson<{ data: { group_id: number } }>(
    `${baseUrl}/group/create?app_id=demo`,
    { name: 'bench room', type: 2, user_list: [] },
    { ...app, user_id: '1' },
  );
  const id = String(created.data.group_id);
  const members = Array.from({ length: MEMBERS }, (_, i) => String(1_000_000 + i));
  const easemob = (
    await postJson<{ access_token: string }>(`${baseUrl}/demo/demo/token`, {
      grant_type: 'client_credentials',
      client_id: 'demo',
      client_secret: 'demo-secret',
    })
  ).access_token;
  const bearer = { authorization: `Bearer ${easemob}` };
  if (MEMBERS >= 1000)
    await fetch(`${baseUrl}/demo/demo/chatrooms/${id}`, {
      method: 'PUT',
      headers: bearer,
      body: JSON.stringify({ maxusers: MEMBERS + 1 }),
    });
  for (let i = 0; i < members.length; i += BATCH) {
    await postJson(`${baseUrl}/demo/demo/chatrooms/${id}/users`, { usernames: members.slice(i, i + BATCH) }, bearer);
  }
  const muted = members.filter((_, i) => i % 10 === 0);
  const allowlisted = members.filter((_, i) => i % 7 === 0);
  for (let i = 0; i < muted.length; i += BATCH) {
    await postJson(
      `${baseUrl}/group/ban?app_id=demo`,
      { group_id: id, user_list: muted.slice(i, i + BATCH), duration: -1 },
      app,
    );
  }
  for (let i = 0; i < allowlisted.length; i += BATCH) {
    await postJson(
      `${baseUrl}/demo/demo/chatrooms/${id}/white/users`,
      { usernames: allowlisted.slice(i, i + BATCH) },
      bearer,
    );
  }
  await postJson(`${baseUrl}/group/settings/ban_all?app_id=demo`, { group_id: id, duration: -1 }, app);
  // The members' roles reach moderation by their events: wait until the last one has arrived.
  await waitFor(async () => (await decide(nc, id, members[members.length - 1])).reason !== 'not_member');
  return { id, members, muted: muted.length, allowlisted: allowlisted.length };
}

function decide(nc: NatsConnection, groupId: string, userId: string): Promise<SendDecision> {
  return send(nc, ModerationCommands.sendCheck.subject, { groupId, userId });
}

function stats(nc: NatsConnection): Promise<SendDecisionStats> {
  return send(nc, ModerationCommands.sendStats.subject, {});
}

async function send<T>(nc: NatsConnection, subject: string, data: object): Promise<T> {
  const envelope: CommandEnvelope<object> = {
    caller: { appId: 'demo', userId: null, isAppAdmin: true },
    requestId: `bench-${randomUUID()}`,
    data,
  };
  // The bus's wire: the envelope as JSON, the Reply back (libs/shared/bus).
  const reply = await nc.request(subject, codec.encode(envelope), { timeout: 10_000 });
  const answer = codec.decode(reply.data) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!answer.ok) throw new Error(`${subject}: ${JSON.stringify(answer.error ?? answer)}`);
  return answer.data as T;
}

async function run(
  nc: NatsConnection,
  groupId: string,
  users: string[],
  count: number,
  inFlight: number,
): Promise<Phase> {
  const latencies: number[] = [];
  const reasons = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const userId = users[next++ % users.length];
      const sent = performance.now();
      const decision = await decide(nc, groupId, userId);
      latencies.push(performance.now() - sent);
      reasons.set(decision.reason, (reasons.get(decision.reason) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return {
    decisions: count,
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
    reasons,
  };
}

const rate = (phase: Phase) => phase.decisions / phase.seconds;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

function report(title: string, phase: Phase, before: SendDecisionStats, after: SendDecisionStats): void {
  const decided = after.decisions - before.decisions;
  const dbPerDecision = (after.dbCommands - before.dbCommands) / decided;
  process.stdout.write(
    `${title.padEnd(34)} ${String(Math.round(rate(phase))).padStart(7)} decisions/s   p50 ${percentile(phase.latencies, 50).toFixed(2)} ms   p99 ${percentile(phase.latencies, 99).toFixed(2)} ms   ` +
      `db commands per decision ${dbPerDecision.toFixed(3)} (${after.dbCommands - before.dbCommands} for ${decided}; cold decisions ${after.coldDecisions - before.coldDecisions})\n`,
  );
}

/** Once moderation has issued no database command for two seconds. */
async function settled(nc: NatsConnection): Promise<SendDecisionStats> {
  let last = await stats(nc);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const now = await stats(nc);
    if (now.dbCommands === last.dbCommands) return now;
    last = now;
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the seed to reach moderation');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

runMain(main);
