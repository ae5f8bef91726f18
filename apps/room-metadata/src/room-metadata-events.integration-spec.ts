import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { BusClient, EventPublisher } from '@cohort/bus';
import { ServiceNames, Subjects, type Caller } from '@cohort/contracts';
import { bootServiceInProcess, expectEventually, shortId, startTestServers, uniqueDbName, type TestServers } from '@cohort/testing';
import { RoomAttributeRepository, type RoomKey } from './room-attributes/room-attribute.repository';

// Starting NATS (and FerretDB when no shared one is running) can take a while on a cold machine.
const BOOT_TIMEOUT_MS = 90_000;
jest.setTimeout(30_000);

/** The room-metadata service in-process on real NATS + Mongo-wire DB, driven by its events. */
describe('room-metadata service events (integration)', () => {
  const appId = `app_${shortId()}`;
  const owner: Caller = { appId, userId: 'owner', isAppAdmin: false };
  let servers: TestServers;
  let app: INestMicroservice;
  let attributes: RoomAttributeRepository;
  let events: EventPublisher;

  beforeAll(async () => {
    servers = await startTestServers();
    app = await bootServiceInProcess({
      serviceName: ServiceNames.roomMetadata,
      servers,
      dbName: uniqueDbName('it_room_metadata'),
      loadModule: async () => (await import('./app.module')).AppModule,
    });
    attributes = app.get(RoomAttributeRepository);
    events = app.get(EventPublisher);
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close();
    await servers?.stop();
  }, BOOT_TIMEOUT_MS);

  const newRoom = (): RoomKey => ({ appId, groupId: `r${shortId(4)}` });
  const keysOf = async (room: RoomKey) => (await attributes.find(room)).map((a) => a.key);

  async function seed(room: RoomKey) {
    await attributes.upsertMany(room, [
      { key: 'alice.seat', value: '3', ownerId: 'alice', autoDelete: 'DELETE' },
      { key: 'alice.badge', value: 'gold', ownerId: 'alice', autoDelete: 'NO_DELETE' },
      { key: 'bob.seat', value: '7', ownerId: 'bob', autoDelete: 'DELETE' },
    ]);
  }

  const leave = (room: RoomKey, userId: string) =>
    events.publish('member.left', {
      caller: { appId, userId, isAppAdmin: false },
      correlationId: `it-left-${userId}`,
      groupId: room.groupId,
      data: { userId, how: 'left' },
    });

  it('answers its health subject', async () => {
    const health = await app
      .get(BusClient)
      .send(Subjects.roomMetadata.health, { caller: owner, requestId: 'health' }, {});
    expect(health).toMatchObject({ service: 'room-metadata', status: 'ok' });
  });

  it('group.destroyed deletes all of the room’s attributes, and nothing of other rooms', async () => {
    const destroyed = newRoom();
    const survivor = newRoom();
    await seed(destroyed);
    await seed(survivor);
    expect(await keysOf(destroyed)).toEqual(['alice.badge', 'alice.seat', 'bob.seat']);

    for (const attempt of [1, 2]) {
      await events.publish('group.destroyed', {
        caller: owner,
        correlationId: `it-destroy-${attempt}`,
        groupId: destroyed.groupId,
        data: { type: 'chatroom', ownerId: 'owner' },
      });
    }

    await expectEventually(async () => expect(await keysOf(destroyed)).toEqual([]));
    expect(await keysOf(survivor)).toEqual(['alice.badge', 'alice.seat', 'bob.seat']);
  });

  it('member.left deletes the leaver’s DELETE attributes in that room only', async () => {
    const room = newRoom();
    const otherRoom = newRoom();
    await seed(room);
    await seed(otherRoom);

    await leave(room, 'alice');
    await leave(room, 'alice'); // redelivered or repeated: nothing more happens

    await expectEventually(async () => expect(await keysOf(room)).toEqual(['alice.badge', 'bob.seat']));
    expect(await attributes.find(room, ['alice.badge'])).toEqual([
      expect.objectContaining({ value: 'gold', ownerId: 'alice', autoDelete: 'NO_DELETE' }),
    ]);
    expect(await keysOf(otherRoom)).toEqual(['alice.badge', 'alice.seat', 'bob.seat']);
  });

  it('keeps attributes set after the leave it hears about (re-joined before the event was handled)', async () => {
    const room = newRoom();
    // Stands for "set again after re-joining": written later than the event occurred.
    await attributes.upsertMany(
      room,
      [{ key: 'carol.seat', value: '1', ownerId: 'carol', autoDelete: 'DELETE' }],
      new Date(Date.now() + 60_000),
    );
    await attributes.upsertMany(room, [{ key: 'dave.seat', value: '2', ownerId: 'dave', autoDelete: 'DELETE' }]);
    await leave(room, 'carol');
    await leave(room, 'dave');
    // One durable consumer handles events in order: once dave's is done, so is carol's.
    await expectEventually(async () => expect(await keysOf(room)).not.toContain('dave.seat'));
    expect(await keysOf(room)).toEqual(['carol.seat']);
  });
});
