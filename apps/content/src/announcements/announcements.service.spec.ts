import type { AnnouncementView, GroupType } from '@cohort/contracts';
import { GroupAccessLoader, PeerFacts } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { callBy, givenGroup, groupView, newTestService, sentEvents, written } from '@cohort/testing';

import { AnnouncementRepository } from './announcement.repository';
import { AnnouncementsService } from './announcements.service';

const KEY = { appId: 'app', groupId: 'g1' };
const stored = (announcementId: string): AnnouncementView => ({
  announcementId,
  groupId: 'g1',
  title: 't',
  content: 'c',
  authorId: '1',
  createdAt: 1,
});

function setup({ memberModify = false, type = 'group' }: { memberModify?: boolean; type?: GroupType } = {}) {
  const t = newTestService(AnnouncementsService, { real: [GroupAccessLoader] });
  givenGroup(t.mock(PeerFacts), {
    group: { type, settings: { ...groupView().settings, memberModify } },
    roles: { '2': 'admin', '3': 'member' },
    blocked: ['8'],
  });
  const announcements = t.mock(AnnouncementRepository);
  announcements.insert.mockImplementation(async (_key, announcementOf, eventOf) => {
    const fields = announcementOf('123');
    return written({ ...fields, groupId: 'g1' }, eventOf(fields));
  });
  announcements.markDeleted.mockImplementation(async (_key, _id, event) => written(true, event));
  return { ...t, announcements, outbox: t.mock(Outbox) };
}

describe('AnnouncementsService.publish', () => {
  it('an admin publishes: stored with announcement.published, then sent; its author is the caller', async () => {
    const { service, outbox } = setup();
    const published = await service.publish(callBy('2'), { groupId: 'g1', title: 'Hello', content: 'all' });
    expect(published).toMatchObject({
      title: 'Hello',
      content: 'all',
      authorId: '2',
      announcementId: expect.stringMatching(/^\d+$/),
    });
    expect(sentEvents(outbox)).toEqual([
      {
        type: 'announcement.published',
        groupId: 'g1',
        data: expect.objectContaining({ announcementId: published.announcementId, title: 'Hello' }),
      },
    ]);
  });

  it('members publish only when the group lets members modify it; outsiders never', async () => {
    await expect(
      setup().service.publish(callBy('3'), { groupId: 'g1', title: 't', content: 'c' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      setup({ memberModify: true }).service.publish(callBy('3'), { groupId: 'g1', title: 't', content: 'c' }),
    ).resolves.toMatchObject({ authorId: '3' });
    await expect(
      setup({ memberModify: true }).service.publish(callBy('9'), { groupId: 'g1', title: 't', content: 'c' }),
    ).rejects.toMatchObject({ code: 'not_member' });
  });

  it('the app admin acting as nobody publishes without an author', async () => {
    await expect(
      setup().service.publish(callBy(null), { groupId: 'g1', title: 't', content: 'c' }),
    ).resolves.toMatchObject({ authorId: null });
  });
});

describe('AnnouncementsService reads', () => {
  it('members read one, the current one and the history; a missing one is not_found', async () => {
    const { service, announcements } = setup();
    announcements.find.mockImplementation(async (_key, id) => (id === 'a1' ? stored('a1') : null));
    announcements.latest.mockResolvedValue(null);
    announcements.listPage.mockResolvedValue({ items: [stored('a1')], next: null });
    announcements.count.mockResolvedValue(1);
    await expect(service.get(callBy('3'), { groupId: 'g1', announcementId: 'a1' })).resolves.toMatchObject({
      announcementId: 'a1',
    });
    await expect(service.get(callBy('3'), { groupId: 'g1', announcementId: 'a2' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.current(callBy('3'), { groupId: 'g1' })).resolves.toBeNull();
    await expect(service.list(callBy('3'), { groupId: 'g1', limit: 10 })).resolves.toEqual({
      items: [stored('a1')],
      cursor: null,
      total: 1,
    });
    expect(announcements.listPage).toHaveBeenCalledWith(KEY, 10, undefined);
  });

  it('an outsider reads a chatroom’s unless blocked, and no private group’s', async () => {
    const room = setup({ type: 'chatroom' });
    room.announcements.latest.mockResolvedValue(stored('a1'));
    await expect(room.service.current(callBy('9'), { groupId: 'g1' })).resolves.toMatchObject({ announcementId: 'a1' });
    await expect(room.service.current(callBy('8'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'blocked' });
    await expect(setup().service.current(callBy('9'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'not_member' });
  });
});

describe('AnnouncementsService.delete', () => {
  it('an admin deletes with announcement.deleted; a missing one is not_found and sends nothing', async () => {
    const { service, announcements, outbox } = setup();
    await expect(service.delete(callBy('2'), { groupId: 'g1', announcementId: 'a1' })).resolves.toEqual({
      deleted: true,
    });
    expect(sentEvents(outbox)).toEqual([
      { type: 'announcement.deleted', groupId: 'g1', data: { announcementId: 'a1' } },
    ]);
    announcements.markDeleted.mockResolvedValue(written(false));
    await expect(service.delete(callBy('2'), { groupId: 'g1', announcementId: 'a2' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(sentEvents(outbox)).toHaveLength(1);
  });

  it('a plain member may not delete', async () => {
    await expect(setup().service.delete(callBy('3'), { groupId: 'g1', announcementId: 'a1' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
