import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { MongoClient } from 'mongodb';
import { AckPolicy, connect, JSONCodec } from 'nats';

import { canConnect, findFreePort, findRepoRoot, type RunningServer, startMongoJavaServer, startNats } from './index';

const rootDir = findRepoRoot(__dirname);
const scratch = join(rootDir, '.infra', 'test', `local-infra-spec-${process.pid}`);

describe('local-infra (real nats-server and mongo-java-server)', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('findFreePort returns the preferred port when free, another one when taken', async () => {
    const free = await findFreePort();
    expect(await findFreePort(free)).toBe(free);
    const nats = await startNats({ dataDir: join(scratch, 'nats-port'), port: free });
    try {
      const other = await findFreePort(free);
      expect(other).not.toBe(free);
    } finally {
      await nats.stop();
    }
  });

  it('starts NATS with JetStream, publishes and consumes durably, and stops', async () => {
    const nats: RunningServer = await startNats({ dataDir: join(scratch, 'nats') });
    const port = nats.port;
    try {
      const nc = await connect({ servers: nats.url });
      const codec = JSONCodec<{ n: number }>();
      const jsm = await nc.jetstreamManager();
      await jsm.streams.add({ name: 'SPEC', subjects: ['spec.>'] });
      const js = nc.jetstream();
      const first = await js.publish('spec.event', codec.encode({ n: 1 }), { msgID: 'm-1' });
      const duplicate = await js.publish('spec.event', codec.encode({ n: 1 }), { msgID: 'm-1' });
      expect(duplicate.duplicate).toBe(true);
      expect(duplicate.seq).toBe(first.seq);

      await jsm.consumers.add('SPEC', { durable_name: 'spec-consumer', ack_policy: AckPolicy.Explicit });
      const consumer = await js.consumers.get('SPEC', 'spec-consumer');
      const message = await consumer.next({ expires: 5_000 });
      expect(message && codec.decode(message.data)).toEqual({ n: 1 });
      message?.ack();

      // plain request/reply too
      const sub = nc.subscribe('echo.spec', { callback: (_err, msg) => msg.respond(msg.data) });
      const reply = await nc.request('echo.spec', codec.encode({ n: 2 }), { timeout: 2_000 });
      expect(codec.decode(reply.data)).toEqual({ n: 2 });
      sub.unsubscribe();
      await nc.close();
    } finally {
      await nats.stop();
    }
    expect(await canConnect(port)).toBe(false);
  });

  /** Inserts, hits a unique index, updates atomically; returns the documents of `things`. */
  const exercise = async (url: string, write: boolean) => {
    const client = await MongoClient.connect(url, { serverSelectionTimeoutMS: 10_000 });
    try {
      const things = client.db('local_infra_spec').collection<{ _id: string; n: number }>('things');
      if (write) {
        await things.createIndex({ n: 1 }, { unique: true });
        await things.insertOne({ _id: 'a', n: 1 });
        await expect(things.insertOne({ _id: 'b', n: 1 })).rejects.toThrow(/duplicate key/i);
        const updated = await things.findOneAndUpdate({ _id: 'a' }, { $inc: { n: 41 } }, { returnDocument: 'after' });
        expect(updated).toEqual({ _id: 'a', n: 42 });
      }
      return await things.find().toArray();
    } finally {
      await client.close();
    }
  };

  it('starts mongo-java-server in memory, inserts and reads back with the mongodb driver, and stops', async () => {
    const mongo: RunningServer = await startMongoJavaServer({ rootDir, heap: '256m' });
    const port = mongo.port;
    try {
      expect(await exercise(mongo.url, true)).toEqual([{ _id: 'a', n: 42 }]);
    } finally {
      await mongo.stop();
    }
    expect(await canConnect(port)).toBe(false);
  });

  it('keeps the data of a file-backed mongo-java-server across a restart', async () => {
    const dataFile = join(scratch, 'mongo', 'dev.mv');
    const first = await startMongoJavaServer({ rootDir, dataFile, heap: '256m' });
    try {
      await exercise(first.url, true);
    } finally {
      await first.stop();
    }
    const second = await startMongoJavaServer({ rootDir, dataFile, heap: '256m' });
    try {
      expect(await exercise(second.url, false)).toEqual([{ _id: 'a', n: 42 }]);
    } finally {
      await second.stop();
    }
  });

  it('loses no acknowledged write when the file-backed server is killed with SIGKILL', async () => {
    const dataFile = join(scratch, 'mongo', 'killed.mv');
    const first = await startMongoJavaServer({ rootDir, dataFile, heap: '256m' });
    const client = await MongoClient.connect(first.url, { serverSelectionTimeoutMS: 5_000 });
    const acknowledged: number[] = [];
    try {
      const things = client.db('local_infra_spec').collection<{ _id: number; at: number }>('acked');
      // Concurrent writers, each answer recorded the moment it arrives; killed right after.
      await Promise.all(
        Array.from({ length: 8 }, async (_, writer) => {
          for (let i = 0; i < 40; i++) {
            const id = writer * 1000 + i;
            await things.insertOne({ _id: id, at: Date.now() });
            acknowledged.push(id);
          }
        }),
      );
      await things.updateOne({ _id: 0 }, { $set: { at: -1 } });
      first.signal('SIGKILL');
      await first.exited;
    } finally {
      await client.close(true).catch(() => undefined);
    }
    const second = await startMongoJavaServer({ rootDir, dataFile, heap: '256m' });
    const reader = await MongoClient.connect(second.url);
    try {
      const things = reader.db('local_infra_spec').collection<{ _id: number; at: number }>('acked');
      const stored = new Set((await things.find({}, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(await things.findOne({ _id: 0 })).toEqual({ _id: 0, at: -1 });
    } finally {
      await reader.close();
      await second.stop();
    }
  });

  it('reports the process output when the server cannot start', async () => {
    const blocker = await startNats({ dataDir: join(scratch, 'nats-blocker') });
    try {
      await expect(startNats({ dataDir: join(scratch, 'nats-clash'), port: blocker.port })).rejects.toThrow(
        /already in use/i,
      );
    } finally {
      await blocker.stop();
    }
  });
});
