import type { GroupView, MemberRole } from '@cohort/contracts';

import type { StoredMember } from '../members/member.repository';
import { type GroupContext, kickRefusal } from './membership.policy';

const member = (userId: string, role: MemberRole): StoredMember => ({
  groupId: '1',
  groupType: 'group',
  userId,
  role,
  displayName: '',
  joinedAt: 0,
  msgMuteMode: 0,
  msgPushMode: 0,
  notificationsMutedUntil: 0,
});

function context(
  role: MemberRole | null,
  overrides: Partial<GroupView> = {},
  others: StoredMember[] = [],
): GroupContext {
  const group = {
    groupId: '1',
    type: 'group',
    public: false,
    settings: {
      applyApproval: 1,
      memberInvite: false,
      memberModify: false,
      readAck: false,
      historyVisible: true,
      disappearSeconds: 0,
    },
    ...overrides,
  } as GroupView;
  return {
    key: { appId: 'a', groupId: '1' },
    group,
    callerId: 'me',
    role,
    members: new Map(others.map((m) => [m.userId, m])),
  };
}

describe('membership policy', () => {
  it('refuses kicking the owner, admins kicking admins, and non-members', () => {
    const others = [member('o', 'owner'), member('a', 'admin'), member('m', 'member')];
    expect(kickRefusal(context('admin', {}, others), 'o')?.code).toBe('owner_protected');
    expect(kickRefusal(context('admin', {}, others), 'a')?.code).toBe('forbidden');
    expect(kickRefusal(context('owner', {}, others), 'a')).toBeNull();
    expect(kickRefusal(context('admin', {}, others), 'm')).toBeNull();
    expect(kickRefusal(context('admin', {}, others), 'nobody')?.code).toBe('not_member');
  });
});
