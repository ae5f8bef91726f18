import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { natsConnectOptions } from '@cohort/bus';
import { DEAD_LETTER_STREAM } from '@cohort/contracts';
import { findRepoRoot } from '@cohort/local-infra';
import { pollUntil, type Stack } from '@cohort/testing';
import { MongoClient } from 'mongodb';
import { connect } from 'nats';

import { APP_ID, type HttpResult, newUserId } from '../group-e2e.helpers';
import { MembershipApi } from '../group-membership.helpers';
import { HIGH_RATE_LIMIT } from '../group-stack.fixture';

/** A group the workload created (answered 200), and which of its later writes were answered 200. */
interface AckedGroup {
  groupId: string;
  /** The fault running when it was created. */
  fault: string;
  owner: string;
  muted: string;
  blocked: string;
  muteAcked: boolean;
  blockAcked: boolean;
}

/** What clients saw while a fault lasted, and how long the system took to answer again. */
export interface FaultReport {
  fault: string;
  /** Failed answers by `<call> <HTTP status> <envelope code>` (or the exception a call threw). */
  errors: Record<string, number>;
  /** From the end of the fault (restart, thaw) to the first request answered 200 after it. */
  recoveryMs: number;
  acknowledged: number;
}

const key = (call: string, res: HttpResult) => `${call} ${res.status} ${String(res.body?.code ?? '')}`.trim();

/**
 * A steady workload through the gateway, as several clients: create a group with two members
 * (a saga across groups and membership), mute one member, block the other. It records every
 * write answered 200, so that recovery can be checked against what was acknowledged.
 */
export class FaultWorkload {
  readonly acked: AckedGroup[] = [];
  private errors: Record<string, number> = {};
  private lastOkAt = 0;
  private running = false;
  private fault = '';
  private workers: Promise<void>[] = [];

  constructor(
    private readonly api: MembershipApi,
    private readonly appToken: string,
  ) {}

  static async open(stack: Stack): Promise<FaultWorkload> {
    const api = new MembershipApi(stack.baseUrl);
    return new FaultWorkload(api, await api.token());
  }

  start(clients = 4): void {
    this.running = true;
    this.workers = Array.from({ length: clients }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** Runs `fault` (which resolves once the fault is over) under the workload; reports what clients saw. */
  async across(fault: string, inject: () => Promise<void>, settleMs = 3_000): Promise<FaultReport> {
    this.fault = fault;
    this.start();
    await sleep(settleMs);
    this.errors = {};
    const before = this.acked.length;
    await inject();
    const endedAt = Date.now();
    await pollUntil(() => this.lastOkAt > endedAt, { timeoutMs: 120_000, intervalMs: 50 });
    const recoveryMs = this.lastOkAt - endedAt;
    await sleep(settleMs);
    await this.stop();
    return { fault, errors: this.errors, recoveryMs, acknowledged: this.acked.length - before };
  }

  private async call(name: string, run: () => Promise<HttpResult>): Promise<boolean> {
    try {
      const res = await run();
      if (res.status === 200 && res.body?.code === 200) {
        this.lastOkAt = Date.now();
        // A batch answers 200 with a result per user: a refused user is not an acknowledged write.
        const refusals = Array.isArray(res.body.data)
          ? res.body.data.filter((item: { result?: string }) => item.result === 'fail')
          : [];
        if (refusals.length === 0) return true;
        for (const item of refusals) this.count(`${name} refused: ${String(item.reason)}`);
        return false;
      }
      this.count(key(name, res));
    } catch (error) {
      this.count(`${name} threw ${error instanceof Error ? error.message.slice(0, 60) : String(error)}`);
    }
    return false;
  }

  private count(what: string): void {
    this.errors[what] = (this.errors[what] ?? 0) + 1;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const [owner, muted, blocked] = [newUserId(), newUserId(), newUserId()];
      let groupId: string | undefined;
      await this.call('create', async () => {
        const res = await this.api.post('/group/create', {
          token: this.appToken,
          headers: { user_id: owner },
          body: { name: 'fault', user_list: [muted, blocked] },
        });
        groupId = res.body?.data?.group_id === undefined ? undefined : String(res.body.data.group_id);
        return res;
      });
      if (!groupId || !this.running) continue;
      const group: AckedGroup = {
        groupId,
        fault: this.fault,
        owner,
        muted,
        blocked,
        muteAcked: false,
        blockAcked: false,
      };
      this.acked.push(group);
      group.muteAcked = await this.call('ban', () =>
        this.api.groupCall('POST', 'ban', this.appToken, groupId!, { user_list: [muted], duration: 60 }),
      );
      group.blockAcked = await this.call('block', () =>
        this.api.groupCall('POST', 'block', this.appToken, groupId!, { user_list: [blocked] }),
      );
    }
  }

  /** The send decision of `userId` in the group, as clients get it. */
  private async decision(groupId: string, userId: string): Promise<string | undefined> {
    const res = await this.api.groupGet('send_check', this.appToken, { group_id: groupId, user_id: userId });
    return res.status === 200 && res.body?.code === 200 ? (res.body.data.reason as string) : undefined;
  }

  private async bannedList(groupId: string): Promise<string> {
    const res = await this.api.groupGet('banned_list', this.appToken, { group_id: groupId });
    return JSON.stringify(res.body?.data ?? res.body);
  }

  /**
   * Waits until every acknowledged write is visible and the send decision agrees with the mute
   * and block state (projections converged); returns what still disagrees if it never does.
   */
  async disagreements(timeoutMs = 120_000): Promise<string[]> {
    let wrong: string[] = [];
    await pollUntil(
      async () => {
        wrong = [];
        for (const g of this.acked) {
          const info = await this.api.getInfo(this.appToken, g.groupId);
          if (info.status !== 200 || info.body?.code !== 200) wrong.push(`${g.groupId}: info ${key('info', info)}`);
          const owner = await this.decision(g.groupId, g.owner);
          if (owner !== 'ok') wrong.push(`${g.groupId}: owner ${owner}`);
          const muted = await this.decision(g.groupId, g.muted);
          if (g.muteAcked && muted !== 'muted')
            wrong.push(
              `${g.groupId} (${g.fault}): muted member ${muted}, banned_list ${await this.bannedList(g.groupId)}`,
            );
          const blocked = await this.decision(g.groupId, g.blocked);
          if (g.blockAcked && blocked !== 'blocked') wrong.push(`${g.groupId}: blocked member ${blocked}`);
        }
        return wrong.length === 0;
      },
      { timeoutMs, intervalMs: 1_000 },
    ).catch(() => undefined);
    return wrong;
  }
}

/** Groups still pending (half-created) and members of groups that do not exist, once sweeps ran. */
export async function halfCreated(
  stack: Stack,
  timeoutMs = 120_000,
): Promise<{ pending: number; orphanMembers: number }> {
  const client = await MongoClient.connect(stack.mongoUrl);
  try {
    const groups = client.db(stack.dbNames.groups).collection('groups');
    const members = client.db(stack.dbNames.membership).collection('members');
    let state = { pending: -1, orphanMembers: -1 };
    await pollUntil(
      async () => {
        const active = new Set(
          (await groups.find({ appId: APP_ID, status: 'active' }, { projection: { groupId: 1 } }).toArray()).map((g) =>
            String(g.groupId),
          ),
        );
        const memberGroups = await members.distinct('groupId', { appId: APP_ID });
        state = {
          pending: await groups.countDocuments({ status: { $ne: 'active' } }),
          orphanMembers: memberGroups.filter((id) => !active.has(String(id))).length,
        };
        return state.pending === 0 && state.orphanMembers === 0;
      },
      { timeoutMs, intervalMs: 1_000 },
    ).catch(() => undefined);
    return state;
  } finally {
    await client.close();
  }
}

/** Events parked in the dead-letter stream (0 when it was never needed). */
export async function deadLettered(stack: Stack): Promise<number> {
  const nc = await connect({
    ...natsConnectOptions({ natsUrl: stack.natsUrl }, 'fault-suite'),
    maxReconnectAttempts: 0,
    waitOnFirstConnect: false,
  });
  try {
    const info = await (await nc.jetstreamManager()).streams.info(DEAD_LETTER_STREAM).catch(() => null);
    return info?.state.messages ?? 0;
  } finally {
    await nc.close();
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Quick sweeps and retries, so that recovery is measured in seconds rather than in minutes. */
export const FAULT_ENV = {
  ...HIGH_RATE_LIMIT,
  BUS_TIMEOUT_MS: '5000',
  SWEEP_INTERVAL_MS: '1000',
  OUTBOX_STALE_MS: '2000',
  PENDING_GROUP_TIMEOUT_MS: '3000',
  EVENT_RETRY_MAX_MS: '5000',
};

export function record(report: FaultReport): void {
  const dir = join(findRepoRoot(), '.infra', 'logs');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'faults-report.json'), `${JSON.stringify({ at: new Date().toISOString(), ...report })}\n`);
  console.log(
    `[faults] ${report.fault}: recovered in ${report.recoveryMs} ms, ${report.acknowledged} writes acknowledged meanwhile, clients saw ${JSON.stringify(report.errors)}`,
  );
}

/** Every acknowledged write visible, no half-created group, projections converged, nothing dead-lettered. */
export async function expectRecovered(stack: Stack, workload: FaultWorkload): Promise<void> {
  expect(await workload.disagreements()).toEqual([]);
  expect(await halfCreated(stack)).toEqual({ pending: 0, orphanMembers: 0 });
  expect(await deadLettered(stack)).toBe(0);
}
