import { GroupAccessLoader, PeerFacts } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { callBy, givenGroup, newTestService, sentEvents, written } from '@cohort/testing';

import type { StoredAttribute } from './attribute-plans';
import { RoomRepository } from './room.repository';
import { RoomAttributesService } from './room-attributes.service';

const KEY = { appId: 'app', groupId: 'g1' };
const attribute = (key: string, ownerId: string): StoredAttribute => ({
  key,
  value: 'v',
  ownerId,
  removeOnLeave: false,
  updatedAt: 1,
});

function setup(type: 'chatroom' | 'group' = 'chatroom', destroyed = false) {
  const t = newTestService(RoomAttributesService, { real: [GroupAccessLoader] });
  givenGroup(t.mock(PeerFacts), {
    group: { type },
    roles: { '2': 'admin', '3': 'member', '4': 'member' },
    blocked: ['8'],
  });
  const rooms = t.mock(RoomRepository);
  rooms.find.mockResolvedValue({
    version: 7,
    attributes: [attribute('color', '3'), attribute('size', '4')],
    destroyed,
  });
  rooms.write.mockImplementation(async (_room, _version, _next, event) => written(true, event));
  return { ...t, rooms, outbox: t.mock(Outbox) };
}

describe('RoomAttributesService.set', () => {
  it('a member sets its keys (new and its own) with room_attributes.changed, written against the version read; another’s key fails alone', async () => {
    const { service, rooms, outbox } = setup();
    const outcome = await service.set(callBy('3'), {
      groupId: 'g1',
      userId: '3',
      attributes: { color: 'red', mood: 'ok', size: 'xl' },
      removeOnLeave: true,
    });
    expect(outcome).toEqual({
      done: ['color', 'mood'],
      failed: [{ key: 'size', error: expect.objectContaining({ code: 'forbidden' }) }],
    });
    expect(rooms.write).toHaveBeenCalledWith(
      KEY,
      7,
      expect.any(Array),
      expect.objectContaining({ type: 'room_attributes.changed' }),
    );
    expect(sentEvents(outbox)).toHaveLength(1);
  });

  it('forced, a member overwrites another’s key', async () => {
    const { service } = setup();
    await expect(
      service.set(callBy('3'), {
        groupId: 'g1',
        userId: '3',
        attributes: { size: 's' },
        removeOnLeave: false,
        forced: true,
      }),
    ).resolves.toEqual({ done: ['size'], failed: [] });
  });

  it('a user acts only as itself; the app admin names anyone; a non-member named is not_member', async () => {
    const { service } = setup();
    await expect(
      service.set(callBy('3'), { groupId: 'g1', userId: '4', attributes: { a: 'b' }, removeOnLeave: false }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      service.set(callBy(null), { groupId: 'g1', userId: '4', attributes: { a: 'b' }, removeOnLeave: false }),
    ).resolves.toEqual({ done: ['a'], failed: [] });
    await expect(
      service.set(callBy('9'), { groupId: 'g1', userId: '9', attributes: { a: 'b' }, removeOnLeave: false }),
    ).rejects.toMatchObject({ code: 'not_member' });
  });

  it('a group that is not a chatroom is not found', async () => {
    const { service } = setup('group');
    await expect(
      service.set(callBy('3'), { groupId: 'g1', userId: '3', attributes: { a: 'b' }, removeOnLeave: false }),
    ).rejects.toMatchObject({ code: 'group_not_found' });
  });

  it('a lost race plans again on a fresh read; nothing to change writes nothing', async () => {
    const { service, rooms, outbox } = setup();
    rooms.write.mockResolvedValueOnce(written(false));
    await service.set(callBy('3'), { groupId: 'g1', userId: '3', attributes: { mood: 'ok' }, removeOnLeave: false });
    expect(rooms.find).toHaveBeenCalledTimes(2);
    expect(sentEvents(outbox)).toHaveLength(1);
    rooms.write.mockClear();
    await service.set(callBy('4'), { groupId: 'g1', userId: '4', attributes: { color: 'x' }, removeOnLeave: false });
    expect(rooms.write).not.toHaveBeenCalled();
  });

  it('a chatroom destroyed after it was found keeps no attribute', async () => {
    const { service } = setup('chatroom', true);
    await expect(
      service.set(callBy('3'), { groupId: 'g1', userId: '3', attributes: { mood: 'ok' }, removeOnLeave: false }),
    ).rejects.toMatchObject({ code: 'group_not_found' });
  });

  it('a room that keeps changing gives up with conflict', async () => {
    const { service, rooms } = setup();
    rooms.write.mockResolvedValue(written(false));
    await expect(
      service.set(callBy('3'), { groupId: 'g1', userId: '3', attributes: { mood: 'ok' }, removeOnLeave: false }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('RoomAttributesService.remove', () => {
  it('a member removes its own keys, not another’s unless forced; the caller is the default user', async () => {
    const { service } = setup();
    await expect(service.remove(callBy('3'), { groupId: 'g1', keys: ['color', 'size'] })).resolves.toEqual({
      done: ['color'],
      failed: [{ key: 'size', error: expect.objectContaining({ code: 'forbidden' }) }],
    });
    await expect(service.remove(callBy('3'), { groupId: 'g1', keys: ['size'], forced: true })).resolves.toEqual({
      done: ['size'],
      failed: [],
    });
  });

  it('the app admin acting as itself removes any key', async () => {
    const { service } = setup();
    await expect(service.remove(callBy(null), { groupId: 'g1', keys: ['size'], forced: true })).resolves.toMatchObject({
      done: ['size'],
    });
  });
});

describe('RoomAttributesService.get', () => {
  it('anyone who may read the chatroom, only the keys asked for; a blocked outsider may not', async () => {
    const { service } = setup();
    await expect(service.get(callBy('9'), { groupId: 'g1', keys: ['size', 'nope'] })).resolves.toEqual([
      attribute('size', '4'),
    ]);
    await expect(service.get(callBy('9'), { groupId: 'g1' })).resolves.toHaveLength(2);
    await expect(service.get(callBy('8'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'blocked' });
  });
});
