import type { MemberRole } from '@cohort/contracts';
import { PeerFacts } from '@cohort/group-access';
import { givenGroup, type GivenGroup, type TestService } from '@cohort/testing';
import { MemberRepository, type StoredMember } from '../src/members/member.repository';

export function storedMember(userId: string, role: MemberRole, groupId = 'g1'): StoredMember {
  return { groupId, groupType: 'group', userId, role, displayName: '', joinedAt: 1, msgMuteMode: 0, msgPushMode: 0, notificationsMutedUntil: 0 };
}

/**
 * One group as membership's rules see it through the real GroupContextLoader: its record from
 * PeerFacts, its members (the owner and `roles`) from MemberRepository.findMany.
 */
export function givenMembers(t: TestService<unknown>, given: GivenGroup = {}) {
  const group = givenGroup(t.mock(PeerFacts), given);
  const roles = new Map<string, MemberRole>([[group.ownerId, 'owner'], ...Object.entries(given.roles ?? {})]);
  t.mock(MemberRepository).findMany.mockImplementation(
    async (_key, userIds) => new Map(userIds.flatMap((id) => (roles.has(id) ? [[id, storedMember(id, roles.get(id) as MemberRole, group.groupId)]] : []))),
  );
  return group;
}
