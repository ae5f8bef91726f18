import 'reflect-metadata';

import { type GroupKey, ServiceNames } from '@cohort/contracts';
import { EventTap, expectEventually, shortId, useServiceInProcess } from '@cohort/testing';

import { planSet } from '../src/room-attributes/attribute-plans';
import { RoomRepository } from '../src/room-attributes/room.repository';
import { RoomAttributesService } from '../src/room-attributes/room-attributes.service';

/** The room-metadata service in-process on real NATS + Mongo-wire DB, driven by its events. */
describe('room-metadata service events (integration)', () => {
  const service = useServiceInProcess({
    serviceName: ServiceNames.roomMetadata,
    testTimeoutMs: 30_000,
    dbPrefix: 'it_room_metadata',
    loadModule: async () => (await import('../src/app.module')).AppModule,
  });
  const owner = service.caller('owner');
  let rooms: RoomRepository;
  let changes: RoomAttributesService;
  let tap: EventTap<'room_attributes.changed'>;

  beforeAll(async () => {
    rooms = service.get(RoomRepository);
    changes = service.get(RoomAttributesService);
    tap = await EventTap.open(service.servers.natsUrl, 'room_attributes.changed');
  });

  afterAll(() => tap?.close());

  const newRoom = (): GroupKey => ({ appId: service.appId, groupId: `r${shortId(4)}` });
  const keysOf = async (room: GroupKey) => ((await rooms.find(room))?.attributes ?? []).map((a) => a.key);

  /** Sets attributes as `userId` would (the way the service writes them), at `at`. */
  const setAs = (
    room: GroupKey,
    userId: string,
    attributes: Record<string, string>,
    removeOnLeave: boolean,
    at = Date.now(),
  ) =>
    changes.apply({ caller: service.caller(userId), requestId: 'seed' }, room, (current) =>
      planSet(current, { userId, attributes, removeOnLeave, forced: false }, at),
    );

  async function seed(room: GroupKey) {
    await setAs(room, 'alice', { 'alice.seat': '3' }, true);
    await setAs(room, 'alice', { 'alice.badge': 'gold' }, false);
    await setAs(room, 'bob', { 'bob.seat': '7' }, true);
  }

  const leave = (room: GroupKey, userId: string, how: 'left' | 'kicked' = 'left') =>
    service.publishEvent(
      'member.left',
      service.caller(userId),
      room.groupId,
      { userId, role: 'member', how },
      `it-left-${userId}`,
    );

  it('answers its health subject', async () => {
    expect(await service.health(owner)).toMatchObject({ service: 'room-metadata', status: 'ok' });
  });

  it('publishes room_attributes.changed with a change: what was set, by whom', async () => {
    const room = newRoom();
    await setAs(room, 'alice', { 'alice.seat': '3' }, true);
    const event = await tap.next((e) => e.groupId === room.groupId);
    expect(event).toMatchObject({
      appId: service.appId,
      actor: { userId: 'alice', isAppAdmin: false },
      correlationId: 'seed',
    });
    expect(event.data).toEqual({
      userId: 'alice',
      how: 'set',
      forced: false,
      set: { 'alice.seat': '3' },
      removed: [],
      removeOnLeave: true,
    });
  });

  it('group.destroyed deletes all of a chatroom’s attributes for good, and nothing of other rooms', async () => {
    const destroyed = newRoom();
    const survivor = newRoom();
    await seed(destroyed);
    await seed(survivor);
    expect(await keysOf(destroyed)).toEqual(['alice.seat', 'alice.badge', 'bob.seat']);

    for (const attempt of [1, 2]) {
      await service.publishEvent(
        'group.destroyed',
        owner,
        destroyed.groupId,
        { type: 'chatroom', ownerId: 'owner' },
        `it-destroy-${attempt}`,
      );
    }

    await expectEventually(async () =>
      expect(await rooms.find(destroyed)).toMatchObject({ attributes: [], destroyed: true }),
    );
    expect(await keysOf(survivor)).toEqual(['alice.seat', 'alice.badge', 'bob.seat']);
    // A write planned before the purge cannot bring them back.
    await expect(setAs(destroyed, 'alice', { late: '1' }, true)).rejects.toMatchObject({ code: 'group_not_found' });
    expect(await keysOf(destroyed)).toEqual([]);
  });

  it('member.left removes the leaver’s DELETE attributes in that room only, with an owner_left event', async () => {
    const room = newRoom();
    const otherRoom = newRoom();
    await seed(room);
    await seed(otherRoom);

    await leave(room, 'alice', 'kicked');
    await leave(room, 'alice'); // redelivered or repeated: nothing more happens

    await expectEventually(async () => expect(await keysOf(room)).toEqual(['alice.badge', 'bob.seat']));
    const event = await tap.next((e) => e.groupId === room.groupId && e.data.how === 'owner_left');
    expect(event.data).toEqual({ userId: 'alice', how: 'owner_left', forced: false, set: {}, removed: ['alice.seat'] });
    expect((await rooms.find(room))?.attributes[0]).toMatchObject({
      key: 'alice.badge',
      value: 'gold',
      ownerId: 'alice',
      removeOnLeave: false,
    });
    expect(await keysOf(otherRoom)).toEqual(['alice.seat', 'alice.badge', 'bob.seat']);
    expect(tap.events.filter((e) => e.groupId === room.groupId && e.data.how === 'owner_left')).toHaveLength(1);
  });

  it('keeps attributes set after the leave it hears about (re-joined before the event was handled)', async () => {
    const room = newRoom();
    // Stands for "set again after re-joining": written later than the event occurred.
    await setAs(room, 'carol', { 'carol.seat': '1' }, true, Date.now() + 60_000);
    await setAs(room, 'dave', { 'dave.seat': '2' }, true);
    await leave(room, 'carol');
    await leave(room, 'dave');
    // One durable consumer handles events in order: once dave's is done, so is carol's.
    await expectEventually(async () => expect(await keysOf(room)).not.toContain('dave.seat'));
    expect(await keysOf(room)).toEqual(['carol.seat']);
  });

  it('a private group destroyed leaves nothing behind (only chatrooms have attributes)', async () => {
    const group = newRoom();
    await service.publishEvent(
      'group.destroyed',
      owner,
      group.groupId,
      { type: 'group', ownerId: 'owner' },
      'it-destroy-private',
    );
    const marker = newRoom();
    await service.publishEvent(
      'group.destroyed',
      owner,
      marker.groupId,
      { type: 'chatroom', ownerId: 'owner' },
      'it-destroy-marker',
    );
    // The consumer handles events in order: once the chatroom is purged, the private group was handled.
    await expectEventually(async () => expect(await rooms.find(marker)).toMatchObject({ destroyed: true }));
    expect(await rooms.find(group)).toBeNull();
  });
});
