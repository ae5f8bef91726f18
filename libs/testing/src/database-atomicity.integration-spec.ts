import { isDuplicateKeyError } from '@cohort/mongo';
import { type Collection, MongoClient } from 'mongodb';

import { uniqueDbName } from './db-names';
import { startTestMongo, type TestServer } from './servers';

/**
 * The guarantees every repository relies on, proven on the database the suite runs against (the
 * dev database here, mongo:7 with Docker): a conditional `$inc` admits exactly the cap under
 * concurrent callers and loses no increment, and a unique index refuses concurrent duplicates.
 */
describe('single-document atomicity and unique indexes (real Mongo-wire database)', () => {
  let server: TestServer;
  let client: MongoClient;
  const dbName = uniqueDbName('it_atomicity');

  beforeAll(async () => {
    server = await startTestMongo();
    // A pool as large as the callers, so the requests really are in flight together.
    client = await MongoClient.connect(server.url, { maxPoolSize: 60 });
  });

  afterAll(async () => {
    await client?.db(dbName).dropDatabase();
    await client?.close();
    await server?.stop();
  });

  const collection = (name: string): Collection<{ _id: string; count?: number; key?: string }> =>
    client.db(dbName).collection(`${name}_${Math.random().toString(36).slice(2, 8)}`);

  it('50 concurrent conditional $inc calls admit exactly the cap of 10', async () => {
    const seats = collection('seats');
    await seats.insertOne({ _id: 'room', count: 0 });
    const CAP = 10;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        seats.findOneAndUpdate(
          { _id: 'room', count: { $lt: CAP } },
          { $inc: { count: 1 } },
          { returnDocument: 'after' },
        ),
      ),
    );
    const admitted = results.filter((doc) => doc !== null);
    expect(admitted).toHaveLength(CAP);
    // Each admitted caller saw a distinct count: no two were handed the same seat.
    expect(new Set(admitted.map((doc) => doc?.count)).size).toBe(CAP);
    expect(await seats.findOne({ _id: 'room' })).toEqual({ _id: 'room', count: CAP });
  });

  it('1,000 concurrent $inc calls lose no increment', async () => {
    const counters = collection('counters');
    await counters.insertOne({ _id: 'c', count: 0 });
    await Promise.all(Array.from({ length: 1000 }, () => counters.updateOne({ _id: 'c' }, { $inc: { count: 1 } })));
    expect(await counters.findOne({ _id: 'c' })).toEqual({ _id: 'c', count: 1000 });
  });

  it('a unique index lets exactly one of 50 concurrent duplicate inserts through', async () => {
    const members = collection('members');
    await members.createIndex({ key: 1 }, { unique: true });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => members.insertOne({ _id: `m${i}`, key: 'app:group:user' })),
    );
    const inserted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    expect(inserted).toHaveLength(1);
    expect(refused).toHaveLength(49);
    expect(refused.every(isDuplicateKeyError)).toBe(true);
    expect(await members.countDocuments({ key: 'app:group:user' })).toBe(1);
  });
});
