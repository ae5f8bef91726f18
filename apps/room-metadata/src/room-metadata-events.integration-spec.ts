import 'reflect-metadata';
import { ServiceNames } from '@cohort/contracts';
import { expectEventually, shortId, useServiceInProcess } from '@cohort/testing';
import { RoomAttributeRepository, type RoomKey } from './room-attributes/room-attribute.repository';

/** The room-metadata service in-process on real NATS + Mongo-wire DB, driven by its events. */
describe('room-metadata service events (integration)', () => {
  const service = useServiceInProcess({
    serviceName: ServiceNames.roomMetadata,
    testTimeoutMs: 30_000,
    dbPrefix: 'it_room_metadata',
    loadModule: async () => (await import('./app.module')).AppModule,
  });
  const owner = service.caller('owner');
  let attributes: RoomAttributeRepository;

  beforeAll(() => {
    attributes = service.get(RoomAttributeRepository);
  });

  const newRoom = (): RoomKey => ({ appId: service.appId, groupId: `r${shortId(4)}` });
  const keysOf = async (room: RoomKey) => (await attributes.find(room)).map((a) => a.key);

  async function seed(room: RoomKey) {
    await attributes.upsertMany(room, [
      { key: 'alice.seat', value: '3', ownerId: 'alice', autoDelete: 'DELETE' },
      { key: 'alice.badge', value: 'gold', ownerId: 'alice', autoDelete: 'NO_DELETE' },
      { key: 'bob.seat', value: '7', ownerId: 'bob', autoDelete: 'DELETE' },
    ]);
  }

  const leave = (room: RoomKey, userId: string) =>
    service.publishEvent('member.left', service.caller(userId), room.groupId, { userId, role: 'member', how: 'left' }, `it-left-${userId}`);

  it('answers its health subject', async () => {
    expect(await service.health(owner)).toMatchObject({ service: 'room-metadata', status: 'ok' });
  });

  it('group.destroyed deletes all of the room’s attributes, and nothing of other rooms', async () => {
    const destroyed = newRoom();
    const survivor = newRoom();
    await seed(destroyed);
    await seed(survivor);
    expect(await keysOf(destroyed)).toEqual(['alice.badge', 'alice.seat', 'bob.seat']);

    for (const attempt of [1, 2]) {
      await service.publishEvent('group.destroyed', owner, destroyed.groupId, { type: 'chatroom', ownerId: 'owner' }, `it-destroy-${attempt}`);
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
