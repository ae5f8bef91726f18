import { PeerFacts } from '@cohort/group-access';
import { callBy, newTestService } from '@cohort/testing';

import { givenMembers, rosterState, storedMember } from '../../test/members.fixture';
import { InviteCodesService } from '../joining/invite-codes.service';
import { RosterRepository } from '../roster/roster.repository';
import { RosterService } from '../roster/roster.service';
import { SessionRepository } from '../sessions/session.repository';
import { ConversationsService } from './conversations.service';
import { GroupContextLoader } from './group-context.loader';
import { MemberRepository } from './member.repository';

const announcement = { announcementId: 'a1', groupId: 'g1', title: '', content: 'hi', authorId: '1', createdAt: 5 };

function setup() {
  const t = newTestService(ConversationsService, { real: [GroupContextLoader] });
  givenMembers(t, { roles: { '3': 'member' } });
  t.mock(MemberRepository)
    .page.mockResolvedValueOnce({ items: [storedMember('1', 'owner')], next: { at: 1, id: '1' } })
    .mockResolvedValueOnce({ items: [storedMember('3', 'member')], next: null });
  t.mock(RosterRepository).find.mockResolvedValue(rosterState());
  t.mock(SessionRepository).ofUsers.mockImplementation(async (_appId, userIds) =>
    userIds.map((userId) => ({ userId, sessionId: `s${userId}` })),
  );
  t.mock(RosterService).info.mockResolvedValue({ groupId: 'g1' } as never);
  t.mock(PeerFacts).announcement.mockResolvedValue(announcement);
  return t;
}

describe('ConversationsService', () => {
  it('a participant reads the group, a page of participants with their sessions, the code and the announcement', async () => {
    const t = setup();
    const first = await t.service.conversation(callBy('3'), { groupId: 'g1' });
    expect(first).toEqual({
      group: { groupId: 'g1' },
      people: {
        members: [expect.objectContaining({ userId: '1' })],
        cursor: expect.any(String),
        sessions: [{ userId: '1', sessionId: 's1' }],
        inviteCode: 'code-1',
      },
      announcement,
    });
    expect(t.mock(RosterService).info).toHaveBeenCalledWith(expect.anything(), { groupId: 'g1', groupType: 'group' });
    const next = await t.service.conversation(callBy('3'), { groupId: 'g1', cursor: first.people.cursor as string });
    expect(next.people).toMatchObject({ members: [{ userId: '3' }], cursor: null });
  });

  it('an outsider is not a participant; a group without roster is not found', async () => {
    const t = setup();
    await expect(t.service.conversation(callBy('9'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'not_member' });
    t.mock(RosterRepository).find.mockResolvedValue(null);
    await expect(t.service.conversation(callBy('3'), { groupId: 'g1' })).rejects.toMatchObject({
      code: 'group_not_found',
    });
  });

  it('whoever holds a valid code reads its conversation with the app’s rights', async () => {
    const t = setup();
    t.mock(InviteCodesService).find.mockResolvedValue({ groupId: 'g1' });
    await expect(t.service.byCode(callBy('9'), { code: 'code-1' })).resolves.toMatchObject({
      people: { members: [{ userId: '1' }] },
    });
    expect(t.mock(RosterService).info).toHaveBeenCalledWith(
      expect.objectContaining({ caller: expect.objectContaining({ userId: null, isAppAdmin: true }) }),
      { groupId: 'g1', groupType: 'group' },
    );
  });
});
