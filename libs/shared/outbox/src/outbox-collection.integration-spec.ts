import type { DomainEvent } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { findRepoRoot, type RunningServer, startMongoJavaServer } from '@cohort/local-infra';
import mongoose, { type Connection, Schema } from 'mongoose';

import { addOutbox, OUTBOX_LIMIT, OutboxCollection, outboxHasRoom, outboxOnUpdate } from './outbox-collection';

const event = (i: number) =>
  ({ eventId: `e${i}`, type: 'group.updated', data: { changed: { name: `n${i}` } } }) as unknown as DomainEvent;

describe('an embedded outbox stays bounded while events cannot be sent (dev database)', () => {
  let mongo: RunningServer;
  let connection: Connection;

  beforeAll(async () => {
    mongo = await startMongoJavaServer({ rootDir: findRepoRoot(), heap: '256m' });
    connection = await mongoose.createConnection(mongo.url, { dbName: 'outbox_bound_spec' }).asPromise();
  });
  afterAll(async () => {
    await connection?.close();
    await mongo?.stop();
  });

  it('refuses the change that would hold one event too many, as unavailable, and takes it again once events are sent', async () => {
    const schema = new Schema({ key: String, n: Number });
    addOutbox(schema);
    const model = connection.model('hot', schema);
    const outbox = OutboxCollection.of(model);
    await model.create({ key: 'k', n: 0, outbox: [] });
    // A change per call, each with its event, while nothing is sent (JetStream refusing publishes).
    const change = async (i: number) => {
      const result = await model.updateOne(
        { key: 'k', ...outboxHasRoom() },
        { $set: { n: i }, ...outboxOnUpdate([event(i)]) },
      );
      if (result.matchedCount === 0) await outbox.assertHasRoom({ key: 'k' });
      return result.matchedCount === 1;
    };
    await model.updateOne(
      { key: 'k' },
      { $push: { outbox: { $each: Array.from({ length: OUTBOX_LIMIT - 1 }, (_, i) => event(i)) } } },
    );
    expect(await change(OUTBOX_LIMIT)).toBe(true); // the last one that fits
    const refused = await change(OUTBOX_LIMIT + 1).catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.code).toBe('unavailable');
    expect((await model.findOne({ key: 'k' }).lean<{ outbox: DomainEvent[] }>())?.outbox).toHaveLength(OUTBOX_LIMIT);

    await outbox.remove({ key: 'k' }, ['e0', 'e1']); // the sweep sent some
    expect(await change(OUTBOX_LIMIT + 2)).toBe(true);
    // A change refused for its own reason (no such document) is not called unavailable.
    await expect(outbox.assertHasRoom({ key: 'other' })).resolves.toBeUndefined();
  });
});
