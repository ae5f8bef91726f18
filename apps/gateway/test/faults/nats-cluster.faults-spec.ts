// The shape users run when one machine is not enough, on loopback: a three-node NATS cluster
// (the event streams with 3 replicas, every app given all three URLs), one node killed with
// kill -9 in the middle of the workload, then restarted. Nothing acknowledged is lost.
import { useFaultStack } from './fault-stack.fixture';
import { expectRecovered, record, sleep } from './fault-workload';

describe('faults: a three-node NATS cluster', () => {
  const faults = useFaultStack('faults_cluster', 3);

  it('one node killed mid-workload: clients see at most the failover, nothing is lost', async () => {
    const report = await faults.workload.across(
      'NATS cluster: one of three nodes killed (kill -9), restarted after 10 s',
      async () => {
        await faults.servers.nats[0].kill();
        await sleep(10_000);
        await faults.servers.nats[0].restart();
      },
    );
    record(report);
    expect(report.acknowledged).toBeGreaterThan(0);
    await expectRecovered(faults.stack, faults.workload);
  }, 300_000);
});
