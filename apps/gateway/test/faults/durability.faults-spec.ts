// Fault injection against the built stack on servers the suite owns: the dev database on its H2
// file and NATS with JetStream on disk, every app with its own NATS credentials. Each fault runs
// under a steady workload (create a group with two members, mute one, block the other); after
// recovery every acknowledged write is visible, no group is half-created, the send decision
// agrees with the mute and block state, and nothing was dead-lettered. What clients saw during
// each fault and the time to recover are printed (and kept in .infra/logs/faults-report.json).
import type { ServiceName } from '@cohort/contracts';

import { useFaultStack } from './fault-stack.fixture';
import { expectRecovered, record, sleep } from './fault-workload';

/** Long freezes only outside CI (COHORT_FAULTS_LONG=1): 5 minutes of a frozen database. */
const LONG = process.env.COHORT_FAULTS_LONG === '1';

describe('faults: one machine (dev database on file, NATS on disk)', () => {
  const faults = useFaultStack('faults');

  const killService = (service: ServiceName) => async () => {
    faults.stack.signalService(service, 'SIGKILL');
    await faults.stack.serviceExited(service);
    await sleep(2_000);
    await faults.stack.startService(service);
  };
  const freezeDatabase = (ms: number) => async () => {
    faults.servers.mongo.freeze();
    await sleep(ms);
    faults.servers.mongo.thaw();
  };
  const killServer = (server: () => { kill(): Promise<void>; restart(): Promise<void> }) => async () => {
    await server().kill();
    await sleep(3_000);
    await server().restart();
  };

  const cases: [string, () => Promise<void>][] = [
    ['kill -9 membership mid-saga, restarted after 2 s', killService('membership')],
    ['kill -9 groups mid-write, restarted after 2 s', killService('groups')],
    ['database frozen (SIGSTOP) for 20 s', freezeDatabase(20_000)],
    ...(LONG
      ? [['database frozen (SIGSTOP) for 5 minutes', freezeDatabase(300_000)] as [string, () => Promise<void>]]
      : []),
    ['database killed (kill -9) and restarted on its file after 3 s', killServer(() => faults.servers.mongo)],
    ['NATS killed (kill -9) and restarted on its JetStream store after 3 s', killServer(() => faults.servers.nats[0])],
  ];

  it.each(cases)(
    '%s: nothing acknowledged is lost, no group half-created, decisions agree, nothing dead-lettered',
    async (fault, inject) => {
      const report = await faults.workload.across(fault, inject);
      record(report);
      expect(report.acknowledged).toBeGreaterThan(0);
      await expectRecovered(faults.stack, faults.workload);
    },
    LONG ? 900_000 : 300_000,
  );
});
