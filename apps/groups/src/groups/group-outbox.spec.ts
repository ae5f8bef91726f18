import type { DomainEvent } from '@cohort/contracts';
import type { EventPublisher } from '@cohort/bus';
import { GroupOutbox } from './group-outbox';
import type { GroupRepository } from './group.repository';

const key = { appId: 'app', groupId: '1' };
const event = { eventId: 'group.updated:app:x', type: 'group.updated' } as DomainEvent;

function setup(publishFails: boolean) {
  const publisher = {
    publishEvent: jest.fn(async () => {
      if (publishFails) throw new Error('nats down');
    }),
  };
  const groups = { removeFromOutbox: jest.fn(async () => undefined) };
  const outbox = new GroupOutbox(publisher as unknown as EventPublisher, groups as unknown as GroupRepository);
  return { outbox, publisher, groups };
}

describe('GroupOutbox.flush', () => {
  it('removes the event from the outbox only after JetStream acknowledged it', async () => {
    const { outbox, publisher, groups } = setup(false);
    await expect(outbox.flush(key, event)).resolves.toBe(true);
    expect(publisher.publishEvent).toHaveBeenCalledWith(event);
    expect(groups.removeFromOutbox).toHaveBeenCalledWith(key, event);
  });

  it('keeps the event for the sweep when sending fails, without failing the committed change', async () => {
    const { outbox, groups } = setup(true);
    await expect(outbox.flush(key, event)).resolves.toBe(false);
    expect(groups.removeFromOutbox).not.toHaveBeenCalled();
  });
});
