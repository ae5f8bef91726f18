import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { type DomainEvent, eventSubject } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { findRepoRoot, type RunningServer, startNats } from '@cohort/local-infra';
import type { DiscoveryService } from '@nestjs/core';

import { listDeadLetters, replayDeadLetters } from './dead-letter-replay';
import { DeadLetters } from './dead-letters';
import { EventConsumerRunner } from './event-consumer-runner';
import type { DomainEventHandler } from './event-handler';
import { EventPublisher } from './event-publisher';
import { EventStream } from './event-stream';
import { type BusOptions, NatsConnectionHolder } from './nats-connection';

type Handle = (event: DomainEvent) => Promise<void>;

/** One service's bus (connection, stream, dead letters) whose consumers run the given handlers. */
function busOf(serviceName: string, natsUrl: string, handlers: Record<string, Handle>) {
  const options: BusOptions = { serviceName, natsUrl, requestTimeoutMs: 2_000, retry: { firstMs: 5, maxMs: 20 } };
  const holder = new NatsConnectionHolder(options);
  const stream = new EventStream(holder, options);
  const deadLetters = new DeadLetters(holder, options);
  const wrappers = Object.entries(handlers).map(([type, handle]) => ({
    name: `${type}Handler`,
    type,
    instance: { handle } satisfies DomainEventHandler<never>,
  }));
  const discovery = {
    getProviders: () => wrappers,
    getMetadataByDecorator: (_decorator: unknown, wrapper: { type: string }) => wrapper.type,
  } as unknown as DiscoveryService;
  const runner = new EventConsumerRunner(discovery, holder, stream, deadLetters, options);
  const publisher = new EventPublisher(holder, stream);
  const publish = (groupId: string) =>
    publisher.publish('group.destroyed', {
      caller: { appId: 'app', userId: null, isAppAdmin: true },
      correlationId: `spec-${groupId}`,
      groupId,
      data: { type: 'group', ownerId: '1' },
    });
  return {
    holder,
    deadLetters,
    publish,
    start: () => runner.onApplicationBootstrap(),
    stop: async () => {
      await runner.beforeApplicationShutdown();
      await holder.onApplicationShutdown();
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('EventConsumerRunner on a real JetStream', () => {
  let nats: RunningServer;
  const dataDir = join(findRepoRoot(), '.infra', 'test', `consumer-runner-${process.pid}`);
  const buses: { stop(): Promise<void> }[] = [];

  // A server per test: each starts from an empty stream.
  beforeEach(async () => {
    nats = await startNats({ dataDir });
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.stop()));
    await nats.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('retries an event through a long transient outage (more deliveries than any fixed limit) and dead-letters nothing', async () => {
    let failures = 0;
    const handled: string[] = [];
    const bus = busOf('outage', nats.url, {
      'group.destroyed': async (event) => {
        if (failures < 40) {
          failures++;
          throw new Error('MongoNetworkError: connection refused'); // a database outage
        }
        handled.push(event.groupId);
      },
    });
    buses.push(bus);
    await bus.start();
    await bus.publish('outage-1');
    await until(() => handled.length === 1, 60_000);
    expect(failures).toBe(40);
    expect(bus.deadLetters.count).toBe(0);
    const jsm = await (await bus.holder.get()).jetstreamManager();
    expect((await jsm.consumers.info('COHORT_EVENTS', 'outage__group_destroyed')).config.max_deliver).toBe(-1);
  });

  it('parks an event a rule refuses in the dead-letter stream with its error, and replays it to that consumer only', async () => {
    let refuse = true;
    const handled: string[] = [];
    const otherHandled: string[] = [];
    const bus = busOf('refusing', nats.url, {
      'group.destroyed': async (event) => {
        if (refuse) throw new DomainError('forbidden', 'not allowed here');
        handled.push(event.groupId);
      },
    });
    const other = busOf('bystander', nats.url, {
      'group.destroyed': async (event) => void otherHandled.push(event.groupId),
    });
    buses.push(bus, other);
    await bus.start();
    await other.start();
    await bus.publish('refused-1');
    await until(() => bus.deadLetters.count === 1 && otherHandled.includes('refused-1'));

    const nc = await bus.holder.get();
    const letters = await listDeadLetters(await nc.jetstreamManager(), { durable: 'refusing__group_destroyed' });
    expect(letters).toEqual([
      expect.objectContaining({
        durable: 'refusing__group_destroyed',
        subject: eventSubject('group.destroyed'),
        error: 'not allowed here',
      }),
    ]);
    expect(handled).toEqual([]);

    refuse = false;
    const replayed = await replayDeadLetters(nc, { durable: 'refusing__group_destroyed' });
    expect(replayed).toHaveLength(1);
    await until(() => handled.includes('refused-1'));
    expect(await listDeadLetters(await nc.jetstreamManager(), { durable: 'refusing__group_destroyed' })).toEqual([]);
    // The bystander, which handled the event the first time, does not get the replay.
    await bus.publish('marker');
    await until(() => otherHandled.includes('marker'));
    expect(otherHandled.filter((id) => id === 'refused-1')).toHaveLength(1);
  });
});
