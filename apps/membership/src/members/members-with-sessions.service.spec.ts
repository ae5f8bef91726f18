import { callBy, newTestService } from '@cohort/testing';

import { givenMembers, rosterState, storedMember } from '../../test/members.fixture';
import { RosterRepository } from '../roster/roster.repository';
import { SessionRepository } from '../sessions/session.repository';
import { GroupContextLoader } from './group-context.loader';
import { MemberRepository } from './member.repository';
import { MembersWithSessionsService } from './members-with-sessions.service';

describe('MembersWithSessionsService.membersWithSessions', () => {
  it('members see a page of members with their sessions and the invite code; outsiders do not', async () => {
    const t = newTestService(MembersWithSessionsService, { real: [GroupContextLoader] });
    givenMembers(t, { roles: { '3': 'member' } });
    t.mock(MemberRepository).page.mockResolvedValue({
      items: [storedMember('1', 'owner'), storedMember('3', 'member')],
      next: null,
    });
    t.mock(RosterRepository).find.mockResolvedValue(rosterState());
    t.mock(SessionRepository).ofUsers.mockResolvedValue([]);
    await expect(t.service.membersWithSessions(callBy('3'), { groupId: 'g1' })).resolves.toMatchObject({
      members: [{ userId: '1' }, { userId: '3' }],
      cursor: null,
      sessions: [],
      inviteCode: 'code-1',
    });
    expect(t.mock(SessionRepository).ofUsers).toHaveBeenCalledWith('app', ['1', '3']);
    await expect(t.service.membersWithSessions(callBy('9'), { groupId: 'g1' })).rejects.toMatchObject({
      code: 'not_member',
    });
    t.mock(RosterRepository).find.mockResolvedValue(null);
    await expect(t.service.membersWithSessions(callBy('3'), { groupId: 'g1' })).rejects.toMatchObject({
      code: 'group_not_found',
    });
  });
});
