import 'reflect-metadata';

import { BusClient, type RequestContext } from '@cohort/bus';
import { type Caller, GroupCommands, MembershipCommands, ModerationCommands, ServiceNames } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import type { ManagedProcess } from '@cohort/local-infra';
import { currentRequestId } from '@cohort/logging';
import {
  bootServiceInProcess,
  shortId,
  startBuiltService,
  startBusPeer,
  startTestServers,
  type TestServers,
  uniqueDbName,
} from '@cohort/testing';
import type { INestApplicationContext, INestMicroservice } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { MongoClient } from 'mongodb';
import type { Connection } from 'mongoose';

/**
 * Capacity under concurrency, on the real dev database: 60 joins by four paths at once (direct add,
 * apply with apply_approval 0, QR invite, invite code) at a chatroom with room for 10. Membership
 * runs in-process; groups and moderation, which the join paths ask, run from dist/.
 */
describe('capacity is never exceeded by concurrent joins (membership, real NATS + dev database)', () => {
  jest.setTimeout(60_000);
  const suite = `capacity_race_${shortId()}`;
  const dbName = uniqueDbName('it_capacity_race');
  let servers: TestServers;
  let peer: INestApplicationContext;
  let membership: INestMicroservice;
  let mongo: MongoClient;
  const peers: ManagedProcess[] = [];

  beforeAll(async () => {
    servers = await startTestServers();
    peer = await startBusPeer(servers);
    const bus = peer.get(BusClient);
    for (const service of [ServiceNames.groups, ServiceNames.moderation]) {
      peers.push(await startBuiltService({ servers, service, dbName: uniqueDbName(`it_race_${service}`), suite, bus }));
    }
    membership = await bootServiceInProcess({
      serviceName: ServiceNames.membership,
      servers,
      dbName,
      loadModule: async () => (await import('../src/app.module')).AppModule,
    });
    mongo = await MongoClient.connect(servers.mongoUrl);
  });

  afterAll(async () => {
    await mongo?.close();
    await membership?.close();
    await Promise.all(peers.map((p) => p.stop()));
    await peer?.close();
    await servers?.stop();
  });

  it('admits exactly 10 of 60 mixed concurrent joins; the others get group_full; the stored count is the real one', async () => {
    const bus = peer.get(BusClient);
    const appId = `race_${shortId()}`;
    const as = (userId: string | null): RequestContext => ({
      caller: { appId, userId, isAppAdmin: userId === null } as Caller,
      requestId: `race-${shortId()}`,
    });
    const app = as(null);
    // Room for 10: the owner holds the 11th place.
    const room = await bus.send(GroupCommands.create, app, {
      type: 'chatroom',
      name: 'race',
      ownerId: 'owner',
      memberIds: [],
      capacity: 11,
    });
    const groupId = room.groupId;
    const { token } = await bus.send(MembershipCommands.signQr, app, { groupId });
    const { code } = await bus.send(MembershipCommands.getInviteCode, app, { groupId });

    const paths = [
      (user: string) =>
        bus.send(MembershipCommands.addMembers, app, { groupId, userIds: [user] }).then(([item]) => {
          if (!item.ok) throw new Error(item.error.code);
        }),
      (user: string) => bus.send(MembershipCommands.apply, as(user), { groupId }),
      (user: string) => bus.send(MembershipCommands.redeemQr, as(user), { token }),
      (user: string) => bus.send(MembershipCommands.joinByCode, as(user), { code }),
    ];
    const users = Array.from({ length: 60 }, (_, i) => `racer${i}`);
    const outcomes = await Promise.all(
      users.map((user, i) =>
        paths[i % paths.length](user).then(
          () => 'joined',
          (error: unknown) =>
            isDomainError(error) ? error.code : error instanceof Error ? error.message : String(error),
        ),
      ),
    );

    expect(outcomes.filter((o) => o === 'joined')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'group_full')).toHaveLength(50);
    const db = mongo.db(dbName);
    const stored = await db.collection('rosters').findOne({ appId, groupId });
    const members = await db.collection('members').countDocuments({ appId, groupId });
    expect(members).toBe(11);
    expect(stored).toMatchObject({ memberCount: 11, freeSlots: 0 });
    // Each path admitted through the same counter: no path is exempt.
    const joinedByPath = paths.map(
      (_, p) => outcomes.filter((o, i) => i % paths.length === p && o === 'joined').length,
    );
    expect(joinedByPath.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('adds 60 members with a bounded number of database commands (never one per member)', async () => {
    const bus = peer.get(BusClient);
    const appId = `batch_${shortId()}`;
    const app: RequestContext = { caller: { appId, userId: null, isAppAdmin: true }, requestId: `batch-${shortId()}` };
    const room = await bus.send(GroupCommands.create, app, {
      type: 'chatroom',
      name: 'batch',
      ownerId: 'owner',
      memberIds: [],
    });
    const users = Array.from({ length: 60 }, (_, i) => `batch${i}`);

    // Counted on membership's own connection, for this request only (its commands run under its id).
    const commands: string[] = [];
    const requestId = `batch-add-${shortId()}`;
    const client = membership.get<Connection>(getConnectionToken()).getClient();
    const count = (event: { commandName: string }) => {
      if (currentRequestId() === requestId) commands.push(event.commandName);
    };
    client.on('commandStarted', count);
    try {
      const results = await bus.send(
        MembershipCommands.addMembers,
        { ...app, requestId },
        { groupId: room.groupId, userIds: users },
      );
      expect(results.map((r) => r.ok)).toEqual(users.map(() => true));
    } finally {
      client.off('commandStarted', count);
    }
    // Reserve the places, insert the members with their events, clear the sent events: 3, for 60.
    expect(commands).toEqual(['update', 'insert', 'update']);
    const stored = await mongo.db(dbName).collection('members').countDocuments({ appId, groupId: room.groupId });
    expect(stored).toBe(61);
  });

  it('keeps a blocked user out of every join path, removed before the block answers; unblocking lets them back', async () => {
    const bus = peer.get(BusClient);
    const appId = `blocked_${shortId()}`;
    const as = (userId: string | null): RequestContext => ({
      caller: { appId, userId, isAppAdmin: userId === null } as Caller,
      requestId: `block-${shortId()}`,
    });
    const app = as(null);
    const room = await bus.send(GroupCommands.create, app, {
      type: 'chatroom',
      name: 'blocks',
      ownerId: 'owner',
      memberIds: ['pest'],
    });
    const groupId = room.groupId;

    expect(await bus.send(ModerationCommands.block, app, { groupId, userIds: ['pest', 'owner'] })).toEqual([
      { userId: 'pest', ok: true },
      { userId: 'owner', ok: false, error: expect.objectContaining({ code: 'owner_protected' }) },
    ]);
    // Out before the answer: no waiting for an event.
    expect(await mongo.db(dbName).collection('members').countDocuments({ appId, groupId, userId: 'pest' })).toBe(0);

    const { token } = await bus.send(MembershipCommands.signQr, app, { groupId });
    const { code } = await bus.send(MembershipCommands.getInviteCode, app, { groupId });
    const attempts: Record<string, () => Promise<string>> = {
      add: () =>
        bus
          .send(MembershipCommands.addMembers, app, { groupId, userIds: ['pest'] })
          .then(([item]) => (item.ok ? 'joined' : item.error.code)),
      apply: () => bus.send(MembershipCommands.apply, as('pest'), { groupId }).then(() => 'joined'),
      qr: () => bus.send(MembershipCommands.redeemQr, as('pest'), { token }).then(() => 'joined'),
      code: () => bus.send(MembershipCommands.joinByCode, as('pest'), { code }).then(() => 'joined'),
      invite: () =>
        bus
          .send(MembershipCommands.invite, app, { groupId, userIds: ['pest'] })
          .then(([item]) => (item.ok ? 'invited' : item.error.code)),
    };
    const outcomes: Record<string, string> = {};
    for (const [path, attempt] of Object.entries(attempts)) {
      outcomes[path] = await attempt().catch((error: unknown) => (isDomainError(error) ? error.code : String(error)));
    }
    expect(outcomes).toEqual({ add: 'blocked', apply: 'blocked', qr: 'blocked', code: 'blocked', invite: 'blocked' });

    expect(await bus.send(ModerationCommands.unblock, app, { groupId, userIds: ['pest'] })).toEqual([
      { userId: 'pest', ok: true },
    ]);
    await bus.send(MembershipCommands.joinByCode, as('pest'), { code });
    expect(await mongo.db(dbName).collection('members').countDocuments({ appId, groupId, userId: 'pest' })).toBe(1);
  });

  it('honours a QR invite only while the invite code it was signed under stands', async () => {
    const bus = peer.get(BusClient);
    const appId = `qr_${shortId()}`;
    const as = (userId: string | null): RequestContext => ({
      caller: { appId, userId, isAppAdmin: userId === null } as Caller,
      requestId: `qr-${shortId()}`,
    });
    const { groupId } = await bus.send(GroupCommands.create, as(null), {
      type: 'chatroom',
      name: 'qr',
      ownerId: 'owner',
      memberIds: [],
    });
    const before = await bus.send(MembershipCommands.signQr, as('owner'), { groupId });
    await bus.send(MembershipCommands.rotateInviteCode, as('owner'), { groupId });
    const refused = await bus
      .send(MembershipCommands.redeemQr, as('late'), { token: before.token })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringContaining('rotated its invite code') });
    const after = await bus.send(MembershipCommands.signQr, as('owner'), { groupId });
    expect(await bus.send(MembershipCommands.redeemQr, as('late'), { token: after.token })).toEqual({ groupId });
  });
});
