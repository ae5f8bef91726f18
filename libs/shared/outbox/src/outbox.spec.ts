import type { EventPublisher } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import type { Model } from 'mongoose';

import { Outbox } from './outbox';
import { OutboxCollection } from './outbox-collection';
import { Written } from './written';

const event = (eventId: string) => ({ eventId, type: 'group.updated' }) as DomainEvent;

/** An outbox whose publisher refuses the events named in `failing` (NATS down for them). */
function setup(failing: string[] = []) {
  const publisher = {
    publishEvent: jest.fn(async (e: DomainEvent) => {
      if (failing.includes(e.eventId)) throw new Error('nats down');
    }),
  };
  const collection = {
    name: 'groups',
    remove: jest.fn(async () => undefined),
    removeEach: jest.fn(async (_sent: unknown[]) => undefined),
  };
  const outbox = new Outbox(publisher as unknown as EventPublisher);
  const sent = () => publisher.publishEvent.mock.calls.map(([e]) => e.eventId);
  return { outbox, publisher, sent, collection: collection as unknown as OutboxCollection & typeof collection };
}

/** A Written of `collection` as its repository makes it (a real OutboxCollection's constructors). */
const one = (collection: OutboxCollection, changed: boolean, events: DomainEvent[]) =>
  new Written(changed ? 'view' : null, collection, changed ? [{ filter: key, events }] : []);
const key = { appId: 'app', groupId: '1' };
const member = (userId: string) => ({ ...key, userId });

describe('Outbox.commit, a one-document write', () => {
  it('sends the stored events in order, removes them from that document, and answers the write’s result', async () => {
    const { outbox, sent, collection } = setup();
    await expect(outbox.commit(one(collection, true, [event('e1'), event('e2')]))).resolves.toBe('view');
    expect(sent()).toEqual(['e1', 'e2']);
    expect(collection.remove).toHaveBeenCalledWith(key, ['e1', 'e2']);
    expect(collection.removeEach).not.toHaveBeenCalled();
  });

  it('keeps what was not sent, in order, for the sweep, and still answers the result (the change stands)', async () => {
    const { outbox, sent, collection } = setup(['e2']);
    await expect(outbox.commit(one(collection, true, [event('e1'), event('e2'), event('e3')]))).resolves.toBe('view');
    expect(sent()).toEqual(['e1', 'e2']);
    expect(collection.remove).toHaveBeenCalledWith(key, ['e1']);
  });

  it('a write that changed nothing stored nothing: nothing is sent or removed', async () => {
    const { outbox, publisher, collection } = setup();
    await expect(outbox.commit(one(collection, false, [event('e1')]))).resolves.toBeNull();
    await expect(outbox.commit(Written.nothing(false))).resolves.toBe(false);
    expect(publisher.publishEvent).not.toHaveBeenCalled();
    expect(collection.remove).not.toHaveBeenCalled();
  });
});

describe('Outbox.commit, a batch write', () => {
  const batch = (collection: OutboxCollection, ...userIds: string[]) =>
    new Written(
      userIds.length,
      collection,
      userIds.map((userId) => ({ filter: member(userId), events: [event(`joined-${userId}`)] })),
      true,
    );

  it('sends every document’s events, then removes them from their own documents in one command', async () => {
    const { outbox, sent, collection } = setup();
    await expect(outbox.commit(batch(collection, 'a', 'b'))).resolves.toBe(2);
    expect(sent()).toEqual(['joined-a', 'joined-b']);
    expect(collection.removeEach).toHaveBeenCalledTimes(1);
    expect(collection.removeEach).toHaveBeenCalledWith([
      { filter: member('a'), eventId: 'joined-a' },
      { filter: member('b'), eventId: 'joined-b' },
    ]);
    expect(collection.remove).not.toHaveBeenCalled();
  });

  it('leaves the events that could not be sent for the sweep', async () => {
    const { outbox, collection } = setup(['joined-b']);
    await outbox.commit(batch(collection, 'a', 'b', 'c'));
    expect(collection.removeEach.mock.calls[0][0]).toEqual([
      { filter: member('a'), eventId: 'joined-a' },
      { filter: member('c'), eventId: 'joined-c' },
    ]);
  });

  it('sends a document’s events in order, none after one that failed', async () => {
    const { outbox, sent, collection } = setup(['e1']);
    const written = new Written(
      undefined,
      collection,
      [{ filter: member('a'), events: [event('e1'), event('e2')] }],
      true,
    );
    await outbox.commit(written);
    expect(sent()).toEqual(['e1']);
    expect(collection.removeEach).toHaveBeenCalledWith([]);
  });

  it('a batch of 450 documents: each event sent once, removed in one command', async () => {
    const { outbox, publisher, collection } = setup();
    const userIds = Array.from({ length: 450 }, (_, i) => `u${i}`);
    await outbox.commit(batch(collection, ...userIds));
    expect(publisher.publishEvent).toHaveBeenCalledTimes(450);
    expect(collection.removeEach).toHaveBeenCalledTimes(1);
    expect(collection.removeEach.mock.calls[0][0]).toHaveLength(450);
  });
});

describe('Written', () => {
  const model = { collection: { name: 'members' } } as unknown as Model<unknown>;

  it('a repository’s collection makes it: one document if it changed, or each document of a batch', () => {
    const members = OutboxCollection.of(model);
    const changed = members.writtenIf(true, 'view', key, [event('e1')]);
    expect(changed).toMatchObject({ value: 'view', collection: members, batch: false });
    expect(changed.stored).toEqual([{ filter: key, events: [event('e1')] }]);
    expect(members.writtenIf(false, null, key, [event('e1')]).stored).toEqual([]);
    const each = members.written(new Set(['a']), [{ filter: member('a'), events: [event('e2')] }]);
    expect(each).toMatchObject({ batch: true });
    expect(each.events).toEqual([event('e2')]);
  });

  it('all: several writes to one collection as one batch, results in order; writes to two collections are a mistake', () => {
    const members = OutboxCollection.of(model);
    const all = Written.all([
      members.writtenIf(true, true, member('a'), [event('e1')]),
      members.writtenIf(false, false, member('b'), [event('e2')]),
      Written.nothing(false),
      members.writtenIf(true, true, member('c'), [event('e3')]),
    ]);
    expect(all.value).toEqual([true, false, false, true]);
    expect(all).toMatchObject({ collection: members, batch: true });
    expect(all.events.map((e) => e.eventId)).toEqual(['e1', 'e3']);
    const groups = OutboxCollection.of(model);
    expect(() => Written.all([members.writtenIf(true, true, key, []), groups.writtenIf(true, true, key, [])])).toThrow(
      'different collections',
    );
    expect(Written.all([]).collection).toBeNull();
  });
});
