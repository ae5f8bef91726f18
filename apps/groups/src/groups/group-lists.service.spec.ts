import { PeerFacts } from '@cohort/group-access';
import { callBy, groupView, newTestService } from '@cohort/testing';

import { GroupRepository } from './group.repository';
import { GroupListsService } from './group-lists.service';

function setup() {
  const { service, mock } = newTestService(GroupListsService);
  return { service, groups: mock(GroupRepository), facts: mock(PeerFacts) };
}

describe('GroupListsService', () => {
  it('anyone in the app pages the chatrooms, each with its member count from the rosters PeerFacts keeps', async () => {
    const { service, groups, facts } = setup();
    groups.chatroomPage.mockResolvedValue({
      items: [groupView({ groupId: 'r1', type: 'chatroom' })],
      next: { at: 1, id: 'r1' },
    });
    groups.countChatrooms.mockResolvedValue(5);
    facts.rosters.mockResolvedValue(
      new Map([['r1', { groupId: 'r1', memberCount: 42, ownerId: '1', capacity: 1000, member: null }]]),
    );
    const page = await service.chatrooms(callBy('7'), { limit: 1 });
    expect(page).toMatchObject({
      items: [{ groupId: 'r1', memberCount: 42, callerMember: null }],
      total: 5,
      cursor: expect.any(String),
    });
    expect(facts.rosters).toHaveBeenCalledWith(expect.anything(), ['r1']);
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
