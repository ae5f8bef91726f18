import type { GroupKey, GroupView, MemberRole } from '@cohort/contracts';
import { PeerFacts } from '@cohort/group-access';
import { type GivenGroup, givenGroup, groupView, TEST_APP, type TestService } from '@cohort/testing';

import { MemberRepository, type StoredMember } from '../src/members/member.repository';
import { RosterRepository, type RosterState } from '../src/roster/roster.repository';
import type { GroupContext } from '../src/rules/membership.policy';

export function storedMember(userId: string, role: MemberRole, groupId = 'g1'): StoredMember {
  return {
    groupId,
    groupType: 'group',
    userId,
    role,
    displayName: '',
    joinedAt: 1,
    msgMuteMode: 0,
    msgPushMode: 0,
    notificationsMutedUntil: 0,
  };
}

/**
 * One group as membership's rules see it through the real GroupContextLoader: its record from
 * PeerFacts, its members (the owner and `roles`) from MemberRepository.findMany.
 */
export function givenMembers(t: TestService<unknown>, given: GivenGroup = {}) {
  const group = givenGroup(t.mock(PeerFacts), given);
  const roles = new Map<string, MemberRole>([[group.ownerId, 'owner'], ...Object.entries(given.roles ?? {})]);
  const members = t.mock(MemberRepository);
  const findMany = async (_key: GroupKey, userIds: string[]) =>
    new Map(
      userIds.flatMap((id) =>
        roles.has(id) ? [[id, storedMember(id, roles.get(id) as MemberRole, group.groupId)] as const] : [],
      ),
    );
  // Read through the instance's cache or from the database, the members are the same.
  members.findMany.mockImplementation(findMany);
  members.findManyCached.mockImplementation(findMany);
  return group;
}

/** A loaded group (what GroupContextLoader answers) with the owner `1` and `roles`, seen by `callerId`. */
export function groupContext(
  roles: Record<string, MemberRole> = {},
  callerId: string | null = '1',
  group: Partial<GroupView> = {},
): GroupContext {
  const view = groupView(group);
  const members = new Map<string, StoredMember>(
    Object.entries({ [view.ownerId]: 'owner' as MemberRole, ...roles }).map(([id, role]) => [
      id,
      storedMember(id, role, view.groupId),
    ]),
  );
  return {
    key: { appId: TEST_APP, groupId: view.groupId },
    group: view,
    callerId,
    members,
    role: callerId ? (members.get(callerId)?.role ?? null) : 'owner',
  };
}

/** The roster of `g1`: owner `1`, 3 members, room for 1000. */
export function rosterState(overrides: Partial<RosterState> = {}): RosterState {
  return {
    groupId: 'g1',
    type: 'group',
    ownerId: '1',
    memberCount: 3,
    capacity: 1000,
    adminCount: 0,
    inviteCode: 'code-1',
    ...overrides,
  };
}

/** Makes the roster read (cached or not) answer `state` (null: no roster). */
export function givenRoster(t: TestService<unknown>, state: RosterState | null = rosterState()): void {
  const rosters = t.mock(RosterRepository);
  rosters.find.mockResolvedValue(state);
  rosters.findCached.mockResolvedValue(state);
}
