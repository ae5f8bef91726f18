// Fault injection against the built stack on servers the suite owns: the dev database on its H2
// file and NATS with JetStream on disk, every app with its own NATS credentials. Each fault runs
// under a steady workload (create a group with two members, mute one, block the other); after
// recovery every acknowledged write is visible, no group is half-created, the send decision
// agrees with the mute and block state, and nothing was dead-lettered. What clients saw during
// each fault and the time to recover are printed (and kept in .infra/logs/faults-report.json).
import { startFaultServers, startStack, type FaultServers, type Stack } from '@cohort/testing';
import { expectRecovered, FAULT_ENV, FaultWorkload, record, sleep } from './fault-workload';

/** Long freezes only outside CI (COHORT_FAULTS_LONG=1): 5 minutes of a frozen database. */
const LONG = process.env.COHORT_FAULTS_LONG === '1';


describe('faults: one machine (dev database on file, NATS on disk)', () => {
  let servers: FaultServers & { stop(): Promise<void> };
  let stack: Stack;
  let workload: FaultWorkload;

  beforeAll(async () => {
    servers = await startFaultServers();
    stack = await startStack({ suite: 'faults', servers, env: FAULT_ENV });
    workload = await FaultWorkload.open(stack);
  }, 180_000);

  afterAll(async () => {
    await workload?.stop();
    await stack?.stop();
    await servers?.stop();
  }, 60_000);

  const cases: [string, () => Promise<void>, number][] = [
    [
      'kill -9 membership mid-saga, restarted after 2 s',
      async () => {
        stack.signalService('membership', 'SIGKILL');
        await stack.serviceExited('membership');
        await sleep(2_000);
        await stack.startService('membership');
      },
      240_000,
    ],
    [
      'kill -9 groups mid-write, restarted after 2 s',
      async () => {
        stack.signalService('groups', 'SIGKILL');
        await stack.serviceExited('groups');
        await sleep(2_000);
        await stack.startService('groups');
      },
      240_000,
    ],
    [
      'database frozen (SIGSTOP) for 20 s',
      async () => {
        servers.mongo.freeze();
        await sleep(20_000);
        servers.mongo.thaw();
      },
      300_000,
    ],
    ...(LONG
      ? [
          [
            'database frozen (SIGSTOP) for 5 minutes',
            async () => {
              servers.mongo.freeze();
              await sleep(300_000);
              servers.mongo.thaw();
            },
            900_000,
          ] as [string, () => Promise<void>, number],
        ]
      : []),
    [
      'database killed (kill -9) and restarted on its file after 3 s',
      async () => {
        await servers.mongo.kill();
        await sleep(3_000);
        await servers.mongo.restart();
      },
      300_000,
    ],
    [
      'NATS killed (kill -9) and restarted on its JetStream store after 3 s',
      async () => {
        await servers.nats[0].kill();
        await sleep(3_000);
        await servers.nats[0].restart();
      },
      300_000,
    ],
  ];

  it.each(cases)('%s: nothing acknowledged is lost, no group half-created, decisions agree, nothing dead-lettered', async (fault, inject) => {
    const report = await workload.across(fault, inject);
    record(report);
    expect(report.acknowledged).toBeGreaterThan(0);
    await expectRecovered(stack, workload);
  }, Math.max(...cases.map(([, , timeout]) => timeout)));
});
