// The shape users run when one machine is not enough, on loopback: a three-node NATS cluster
// (the event streams with 3 replicas, every app given all three URLs), one node killed with
// kill -9 in the middle of the workload, then restarted. Nothing acknowledged is lost.
import { startFaultServers, startStack, type FaultServers, type Stack } from '@cohort/testing';
import { expectRecovered, FAULT_ENV, FaultWorkload, record, sleep } from './fault-workload';

describe('faults: a three-node NATS cluster', () => {
  let servers: FaultServers & { stop(): Promise<void> };
  let stack: Stack;
  let workload: FaultWorkload;

  beforeAll(async () => {
    servers = await startFaultServers({ natsNodes: 3 });
    stack = await startStack({ suite: 'faults_cluster', servers, env: FAULT_ENV });
    workload = await FaultWorkload.open(stack);
  }, 180_000);

  afterAll(async () => {
    await workload?.stop();
    await stack?.stop();
    await servers?.stop();
  }, 60_000);

  it('one node killed mid-workload: clients see at most the failover, nothing is lost', async () => {
    const report = await workload.across('NATS cluster: one of three nodes killed (kill -9), restarted after 10 s', async () => {
      await servers.nats[0].kill();
      await sleep(10_000);
      await servers.nats[0].restart();
    });
    record(report);
    expect(report.acknowledged).toBeGreaterThan(0);
    await expectRecovered(stack, workload);
  }, 300_000);
});
