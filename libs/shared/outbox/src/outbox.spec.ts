import type { EventPublisher } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';

import { Outbox } from './outbox';
import type { OutboxCollection } from './outbox-collection';

const event = (eventId: string) => ({ eventId, type: 'group.updated' }) as DomainEvent;

/** An outbox whose publisher fails from the `failAt`-th event on (never when undefined). */
function setup(failAt?: number) {
  let published = 0;
  const publisher = {
    publishEvent: jest.fn(async () => {
      if (failAt !== undefined && published >= failAt) throw new Error('nats down');
      published++;
    }),
  };
  const collection = {
    name: 'groups',
    remove: jest.fn(async () => undefined),
    removeEach: jest.fn(async (_sent: unknown[]) => undefined),
  };
  const outbox = new Outbox(publisher as unknown as EventPublisher);
  return { outbox, publisher, collection: collection as unknown as OutboxCollection & typeof collection };
}

describe('Outbox.flush', () => {
  const key = { appId: 'app', groupId: '1' };

  it('removes the events from the outbox once JetStream acknowledged them', async () => {
    const { outbox, publisher, collection } = setup();
    await expect(outbox.flush(collection, key, [event('e1'), event('e2')])).resolves.toBe(true);
    expect(publisher.publishEvent).toHaveBeenCalledTimes(2);
    expect(collection.remove).toHaveBeenCalledWith(key, ['e1', 'e2']);
  });

  it('keeps what was not sent, in order, for the sweep', async () => {
    const { outbox, collection } = setup(1);
    await expect(outbox.flush(collection, key, [event('e1'), event('e2'), event('e3')])).resolves.toBe(false);
    expect(collection.remove).toHaveBeenCalledWith(key, ['e1']);
  });

  it('removes nothing when nothing was sent', async () => {
    const { outbox, collection } = setup(0);
    await expect(outbox.flush(collection, key, [event('e1')])).resolves.toBe(false);
    expect(collection.remove).not.toHaveBeenCalled();
  });
});

describe('Outbox.flushBatch', () => {
  const item = (userId: string) => ({
    filter: { appId: 'app', groupId: '1', userId },
    event: event(`joined-${userId}`),
  });

  it('removes every sent event from its own document in one call', async () => {
    const { outbox, collection } = setup();
    const sent = await outbox.flushBatch(collection, [item('a'), item('b')]);
    expect([...sent]).toEqual(['joined-a', 'joined-b']);
    expect(collection.removeEach).toHaveBeenCalledTimes(1);
    expect(collection.removeEach).toHaveBeenCalledWith([
      { filter: item('a').filter, eventId: 'joined-a' },
      { filter: item('b').filter, eventId: 'joined-b' },
    ]);
  });

  it('leaves the events that could not be sent for the sweep', async () => {
    const { outbox, collection } = setup(1);
    const sent = await outbox.flushBatch(collection, [item('a'), item('b'), item('c')]);
    expect(sent.size).toBe(1);
    expect(collection.removeEach.mock.calls[0][0]).toHaveLength(1);
  });
});
