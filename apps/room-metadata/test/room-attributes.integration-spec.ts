import 'reflect-metadata';

import { BusClient, type RequestContext } from '@cohort/bus';
import {
  GroupCommands,
  ModerationCommands,
  type RoomAttributesOutcome,
  RoomMetadataCommands,
  ServiceNames,
} from '@cohort/contracts';
import type { ManagedProcess } from '@cohort/local-infra';
import {
  bootServiceInProcess,
  EventTap,
  expectEventually,
  shortId,
  startBuiltService,
  startBusPeer,
  startTestServers,
  type TestServers,
  uniqueDbName,
} from '@cohort/testing';
import type { INestApplicationContext, INestMicroservice } from '@nestjs/common';
import { MongoClient } from 'mongodb';

const FULL = 'the chatroom has 100 attributes, the most it may have';

/**
 * Chatroom attributes under concurrent writers, on the real dev database: room-metadata runs
 * in-process; groups, membership and moderation, which its rules ask (and which remove members),
 * run from dist/.
 */
describe('room attributes with concurrent writers (room-metadata, real NATS + dev database)', () => {
  jest.setTimeout(90_000);
  const suite = `room_attributes_${shortId()}`;
  const dbName = uniqueDbName('it_room_attributes');
  let servers: TestServers;
  let peer: INestApplicationContext;
  let roomMetadata: INestMicroservice;
  let mongo: MongoClient;
  let tap: EventTap<'room_attributes.changed'>;
  const peers: ManagedProcess[] = [];
  const appId = `attrs_${shortId()}`;
  const app: RequestContext = { caller: { appId, userId: null, isAppAdmin: true }, requestId: `attrs-${shortId()}` };

  beforeAll(async () => {
    servers = await startTestServers();
    peer = await startBusPeer(servers);
    const bus = peer.get(BusClient);
    for (const service of [ServiceNames.groups, ServiceNames.membership, ServiceNames.moderation]) {
      peers.push(
        await startBuiltService({ servers, service, dbName: uniqueDbName(`it_attrs_${service}`), suite, bus }),
      );
    }
    roomMetadata = await bootServiceInProcess({
      serviceName: ServiceNames.roomMetadata,
      servers,
      dbName,
      loadModule: async () => (await import('../src/app.module')).AppModule,
    });
    mongo = await MongoClient.connect(servers.mongoUrl);
    tap = await EventTap.open(servers.natsUrl, 'room_attributes.changed');
  });

  afterAll(async () => {
    await tap?.close();
    await mongo?.close();
    await roomMetadata?.close();
    await Promise.all(peers.map((p) => p.stop()));
    await peer?.close();
    await servers?.stop();
  });

  const bus = () => peer.get(BusClient);
  const newRoom = async (members: string[]) =>
    (
      await bus().send(GroupCommands.create, app, {
        type: 'chatroom',
        name: 'attrs',
        ownerId: 'owner',
        memberIds: members,
      })
    ).groupId;
  const set = (groupId: string, userId: string, attributes: Record<string, string>): Promise<RoomAttributesOutcome> =>
    bus().send(RoomMetadataCommands.setAttributes, app, { groupId, userId, attributes, removeOnLeave: true });
  const stored = async (groupId: string) =>
    ((await mongo.db(dbName).collection('rooms').findOne({ appId, groupId }))?.attributes ?? []) as {
      key: string;
      ownerId: string;
      value: string;
    }[];
  const users = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it.each([
    ['no attribute yet (the first write creates its document)', {}],
    ['attributes already', { topic: 'cats' }],
  ])(
    '50 members set the same two new keys at once, in a room with %s: each key gets one owner and one event; 49 errorKeys each',
    async (_, before) => {
      const racers = users('racer', 50);
      const groupId = await newRoom(racers);
      if (Object.keys(before).length) await set(groupId, 'owner', before);
      const outcomes = await Promise.all(racers.map((racer) => set(groupId, racer, { seat: racer, mic: racer })));

      const attributes = (await stored(groupId)).filter((a) => !(a.key in before));
      expect(attributes.map((a) => a.key).sort()).toEqual(['mic', 'seat']);
      for (const { key, ownerId, value } of attributes) {
        expect(value).toBe(ownerId);
        expect(racers.filter((_, i) => outcomes[i].done.includes(key))).toEqual([ownerId]);
        expect(
          outcomes.filter((o) => o.failed.some((f) => f.key === key && f.error.code === 'forbidden')),
        ).toHaveLength(49);
      }
      // One event per successful call (published before it answered), each saying what that call set.
      const setKeys = () =>
        tap.events
          .filter((e) => e.groupId === groupId && e.data.userId !== 'owner')
          .flatMap((e) => Object.keys(e.data.set));
      await expectEventually(() => expect(setKeys().sort()).toEqual(['mic', 'seat']));
    },
  );

  it('the 100-key limit holds: 40 members adding 2 new keys each to a room holding 95 → exactly 5 are set', async () => {
    const racers = users('adder', 40);
    const groupId = await newRoom(racers);
    for (let call = 0; call < 10; call++) {
      const keys = users(`base${call}_`, call < 9 ? 10 : 5);
      await set(groupId, 'owner', Object.fromEntries(keys.map((key) => [key, 'v'])));
    }
    expect(await stored(groupId)).toHaveLength(95);

    const outcomes = await Promise.all(
      racers.map((racer) => set(groupId, racer, { [`${racer}.a`]: '1', [`${racer}.b`]: '2' })),
    );

    const done = outcomes.flatMap((o) => o.done);
    expect(done).toHaveLength(5);
    expect(outcomes.flatMap((o) => o.failed.map((f) => f.error.message))).toEqual(
      Array.from({ length: 75 }, () => FULL),
    );
    const keys = (await stored(groupId)).map((a) => a.key);
    expect(keys).toHaveLength(100);
    expect(keys).toEqual(expect.arrayContaining(done));
  });

  it('a blocked member’s DELETE attributes go (member.left with how blocked); the others stay', async () => {
    const groupId = await newRoom(['blocked', 'stayer']);
    await set(groupId, 'blocked', { seat: '1' });
    await bus().send(RoomMetadataCommands.setAttributes, app, {
      groupId,
      userId: 'blocked',
      attributes: { badge: 'gold' },
      removeOnLeave: false,
    });
    await set(groupId, 'stayer', { topic: 'cats' });

    const [blocked] = await bus().send(ModerationCommands.block, app, { groupId, userIds: ['blocked'] });
    expect(blocked.ok).toBe(true);

    const event = await tap.next((e) => e.groupId === groupId && e.data.how === 'owner_left', { timeoutMs: 20_000 });
    expect(event.data).toEqual({ userId: 'blocked', how: 'owner_left', forced: false, set: {}, removed: ['seat'] });
    expect((await stored(groupId)).map((a) => a.key)).toEqual(['badge', 'topic']);
  });
});
