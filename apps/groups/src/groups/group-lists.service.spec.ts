import { callBy, groupView, newTestService } from '@cohort/testing';

import { MembershipClient } from '../peers/membership.client';
import { GroupRepository } from './group.repository';
import { GroupListsService } from './group-lists.service';

function setup() {
  const { service, mock } = newTestService(GroupListsService);
  return { service, groups: mock(GroupRepository), membership: mock(MembershipClient) };
}

describe('GroupListsService', () => {
  it('anyone in the app pages the chatrooms, each with its member count', async () => {
    const { service, groups, membership } = setup();
    groups.chatroomPage.mockResolvedValue({
      items: [groupView({ groupId: 'r1', type: 'chatroom' })],
      next: { at: 1, id: 'r1' },
    });
    groups.countChatrooms.mockResolvedValue(5);
    membership.accessTo.mockResolvedValue(
      new Map([['r1', { groupId: 'r1', memberCount: 42, ownerId: '1', capacity: 1000, member: null }]]),
    );
    const page = await service.chatrooms(callBy('7'), { limit: 1 });
    expect(page).toMatchObject({ items: [{ groupId: 'r1', memberCount: 42 }], total: 5, cursor: expect.any(String) });
  });

  it('search and stats are the app admin’s only', async () => {
    const { service, groups } = setup();
    groups.searchPage.mockResolvedValue({ items: [], next: null });
    groups.countActive.mockImplementation(async (_appId, type) => (type === 'group' ? 3 : 2));
    await expect(service.search(callBy('1'), { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.stats(callBy('1'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.search(callBy(null), { limit: 10, name: 'te' })).resolves.toEqual({ items: [], cursor: null });
    expect(groups.searchPage).toHaveBeenCalledWith('app', { name: 'te' }, 10, undefined);
    await expect(service.stats(callBy(null))).resolves.toEqual({ groups: 3, chatrooms: 2 });
  });

  it('public ids, newest first, keyset-paged', async () => {
    const { service, groups } = setup();
    groups.publicPage.mockResolvedValue({
      items: [groupView({ groupId: 'p2' }), groupView({ groupId: 'p1' })],
      next: null,
    });
    await expect(service.publicIds(callBy('7'), { limit: 2 })).resolves.toEqual({ items: ['p2', 'p1'], cursor: null });
  });
});
