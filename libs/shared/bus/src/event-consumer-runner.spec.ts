import type { DiscoveryService } from '@nestjs/core';

import type { DeadLetters } from './dead-letters';
import { EventConsumerRunner } from './event-consumer-runner';
import type { EventStream } from './event-stream';
import type { BusOptions, NatsConnectionHolder } from './nats-connection';

/** A runner whose discovery finds the given (name, event) providers; starting a consumer is stubbed. */
function runnerFinding(providers: [string, string][]) {
  const wrappers = providers.map(([name, type]) => ({ name, instance: { handle: jest.fn() }, type }));
  const discovery = {
    getProviders: () => wrappers,
    getMetadataByDecorator: (_decorator: unknown, wrapper: { type: string }) => wrapper.type,
  } as unknown as DiscoveryService;
  const options: BusOptions = {
    serviceName: 'spec',
    natsUrl: 'nats://unused',
    requestTimeoutMs: 1000,
    retry: { firstMs: 1000, maxMs: 60_000 },
  };
  const runner = new EventConsumerRunner(
    discovery,
    {} as NatsConnectionHolder,
    {} as EventStream,
    {} as DeadLetters,
    options,
  );
  const start = jest.spyOn(runner as unknown as { start: () => Promise<void> }, 'start').mockResolvedValue();
  return { runner, start };
}

describe('EventConsumerRunner', () => {
  it('starts one durable consumer per handled event', async () => {
    const { runner, start } = runnerFinding([
      ['PurgeOnDestroyed', 'group.destroyed'],
      ['CleanupOnLeft', 'member.left'],
    ]);
    await runner.onApplicationBootstrap();
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('refuses a second handler of the same event in one service', async () => {
    const { runner } = runnerFinding([
      ['PurgeOnDestroyed', 'group.destroyed'],
      ['AlsoOnDestroyed', 'group.destroyed'],
    ]);
    await expect(runner.onApplicationBootstrap()).rejects.toThrow(
      'AlsoOnDestroyed and PurgeOnDestroyed both handle group.destroyed: one handler per event and service',
    );
  });
});
