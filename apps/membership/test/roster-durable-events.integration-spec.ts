import 'reflect-metadata';

import { BusClient, durableNameOf, EventPublisher, EventStream } from '@cohort/bus';
import { EVENTS_STREAM, MembershipCommands, ServiceNames } from '@cohort/contracts';
import {
  bootServiceInProcess,
  expectEventually,
  shortId,
  startBusPeer,
  startTestServers,
  type TestServers,
  uniqueDbName,
} from '@cohort/testing';
import type { INestApplicationContext, INestMicroservice } from '@nestjs/common';
import { MongoClient } from 'mongodb';

// A fresh app per run: event ids derive from it, and a shared NATS de-duplicates within 2 minutes.
const caller = { appId: `durable_${shortId()}`, userId: null, isAppAdmin: true };
const ctx = { caller, requestId: 'durable-test' };

describe('membership consumes group.destroyed durably', () => {
  let servers: TestServers;
  let peer: INestApplicationContext;
  let mongo: MongoClient;
  const dbName = uniqueDbName('membership_durable');

  const startMembership = (): Promise<INestMicroservice> =>
    bootServiceInProcess({
      serviceName: ServiceNames.membership,
      servers,
      dbName,
      loadModule: async () => (await import('../src/app.module')).AppModule,
    });

  const members = (groupId: string) =>
    mongo.db(dbName).collection('members').countDocuments({ appId: caller.appId, groupId });
  const rosters = (groupId: string) =>
    mongo.db(dbName).collection('rosters').countDocuments({ appId: caller.appId, groupId });

  beforeAll(async () => {
    // Fast repair passes, read when the AppModule is first imported (below).
    process.env.SWEEP_INTERVAL_MS = '500';
    process.env.OUTBOX_STALE_MS = '1000';
    servers = await startTestServers();
    // Boots once so the env is in place before the peer's config is read.
    await (await startMembership()).close();
    peer = await startBusPeer(servers);
    mongo = await MongoClient.connect(servers.mongoUrl);
  });

  afterAll(async () => {
    delete process.env.SWEEP_INTERVAL_MS;
    delete process.env.OUTBOX_STALE_MS;
    await mongo?.close();
    await peer?.close();
    await servers?.stop();
  });

  it('processes an event published while the service was stopped once it is back, and only for that group', async () => {
    const bus = peer.get(BusClient);
    let membership = await startMembership();
    for (const groupId of ['5001', '5002']) {
      const reply = await bus.send(MembershipCommands.initializeRoster, ctx, {
        groupId,
        ownerId: 'owner',
        memberIds: ['u1', 'u2'],
        capacity: 10,
      });
      expect(reply).toEqual({ memberCount: 3 });
    }
    await membership.close();

    const publisher = peer.get(EventPublisher);
    await publisher.publish('group.destroyed', {
      caller,
      correlationId: 'durable-test',
      groupId: '5001',
      dedupKey: '5001',
      data: { type: 'group', ownerId: 'owner' },
    });
    // Nobody consumed it yet: it waits for membership's durable consumer, the members still there.
    const jsm = await peer.get(EventStream).ensure();
    const durable = durableNameOf(ServiceNames.membership, 'group.destroyed');
    await expectEventually(async () =>
      expect((await jsm.consumers.info(EVENTS_STREAM, durable)).num_pending).toBeGreaterThan(0),
    );
    expect(await members('5001')).toBe(3);

    membership = await startMembership();
    try {
      await expectEventually(async () => {
        expect(await members('5001')).toBe(0);
        expect(await rosters('5001')).toBe(0);
      });
      expect(await members('5002')).toBe(3);
      expect(await rosters('5002')).toBe(1);
    } finally {
      await membership.close();
    }
  });

  it('answers the roster initialization idempotently (a retried saga step)', async () => {
    const bus = peer.get(BusClient);
    const membership = await startMembership();
    try {
      const command = { groupId: '6001', ownerId: 'owner', memberIds: ['a', 'b', 'c'], capacity: 5 };
      expect(await bus.send(MembershipCommands.initializeRoster, ctx, command)).toEqual({ memberCount: 4 });
      expect(await bus.send(MembershipCommands.initializeRoster, ctx, command)).toEqual({ memberCount: 4 });
      expect(await members('6001')).toBe(4);
      await expect(
        bus.send(MembershipCommands.initializeRoster, ctx, { ...command, groupId: '6002', capacity: 3 }),
      ).rejects.toMatchObject({ code: 'invalid_parameter' });
      expect(await rosters('6002')).toBe(0);
    } finally {
      await membership.close();
    }
  });

  it("sends a member's join event left in its outbox (publish lost) and clears the outbox", async () => {
    const membership = await startMembership();
    try {
      const groupId = '5100';
      const event = peer.get(EventPublisher).prepare('member.joined', {
        caller,
        correlationId: 'lost-publish',
        groupId,
        dedupKey: `${groupId}:late:created`,
        data: { userId: 'late', role: 'member', how: 'created' },
      });
      const longAgo = new Date(Date.now() - 60_000);
      // A member stored with its join event whose publish was lost (the process died after the write).
      await mongo
        .db(dbName)
        .collection('members')
        .insertOne({
          ...{ appId: caller.appId, groupId, userId: 'late', role: 'member', displayName: '', joinedAt: longAgo },
          ...{ msgMuteMode: 0, msgPushMode: 0, outbox: [event], outboxSince: longAgo },
        });
      // Removed only once JetStream acknowledged the resend.
      await expectEventually(
        async () => {
          const doc = await mongo
            .db(dbName)
            .collection('members')
            .findOne({ appId: caller.appId, groupId, userId: 'late' });
          expect(doc).toMatchObject({ outbox: [] });
          expect(doc).not.toHaveProperty('outboxSince');
        },
        { timeoutMs: 15_000, intervalMs: 100 },
      );
    } finally {
      await membership.close();
    }
  });

  it('forgets the outbox mark of members whose events were all sent by a batch (no event resent)', async () => {
    const membership = await startMembership();
    try {
      const longAgo = new Date(Date.now() - 60_000);
      const key = { appId: caller.appId, groupId: '5200' };
      await mongo
        .db(dbName)
        .collection('members')
        .insertMany(
          ['a', 'b'].map((userId, i) => ({
            ...{ ...key, userId, role: 'member', displayName: '', joinedAt: new Date(longAgo.getTime() + i) },
            ...{ msgMuteMode: 0, msgPushMode: 0, outbox: [], outboxSince: longAgo },
          })),
        );
      await expectEventually(
        async () =>
          expect(
            await mongo
              .db(dbName)
              .collection('members')
              .countDocuments({ ...key, outboxSince: { $exists: true } }),
          ).toBe(0),
        { timeoutMs: 15_000, intervalMs: 100 },
      );
    } finally {
      await membership.close();
    }
  });

  it('completes a departure cut short: the leaving member is deleted and its place given back once its event is out', async () => {
    const bus = peer.get(BusClient);
    const membership = await startMembership();
    try {
      const groupId = '5300';
      await bus.send(MembershipCommands.initializeRoster, ctx, {
        groupId,
        ownerId: 'owner',
        memberIds: ['stays', 'going'],
        capacity: 5,
      });
      const key = { appId: caller.appId, groupId };
      // As if the process died after marking the member leaving and sending its event.
      await mongo
        .db(dbName)
        .collection('members')
        .updateOne(
          { ...key, userId: 'going' },
          { $set: { leavingAt: new Date(Date.now() - 60_000), leavingToken: 'cut-short' } },
        );
      await expectEventually(
        async () => {
          expect(await members(groupId)).toBe(2);
          expect(await mongo.db(dbName).collection('rosters').findOne(key)).toMatchObject({
            memberCount: 2,
            freeSlots: 3,
          });
        },
        { timeoutMs: 15_000, intervalMs: 100 },
      );
    } finally {
      await membership.close();
    }
  });
});
