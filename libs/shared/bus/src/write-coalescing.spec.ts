import type { NatsConnection } from 'nats';

import { coalesceWrites } from './write-coalescing';

describe('coalesceWrites', () => {
  const connectionWith = (flushPending: () => void) =>
    ({ protocol: { flushPending } }) as unknown as NatsConnection & { protocol: { flushPending(): void } };

  it('sends what one event-loop turn queued in one write, after the turn', async () => {
    const writes = jest.fn();
    const nc = coalesceWrites(connectionWith(writes)) as ReturnType<typeof connectionWith>;
    nc.protocol.flushPending();
    await Promise.resolve();
    nc.protocol.flushPending();
    expect(writes).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it('writes again in the next turn', async () => {
    const writes = jest.fn();
    const nc = coalesceWrites(connectionWith(writes)) as ReturnType<typeof connectionWith>;
    nc.protocol.flushPending();
    await new Promise((resolve) => setImmediate(resolve));
    nc.protocol.flushPending();
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveBeenCalledTimes(2);
  });

  it('leaves a connection without the expected internals as it is', () => {
    const nc = {} as NatsConnection;
    expect(coalesceWrites(nc)).toBe(nc);
  });
});
