import type { Caller, GroupView, MemberRole } from '@cohort/contracts';
import type { StoredMember } from './member.repository';
import { assertAdmin, assertCanInvite, assertCanRead, assertOwner, kickRefusal, roleOf, type GroupContext } from './membership.policy';

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

function context(role: MemberRole | null, overrides: Partial<GroupView> = {}, others: StoredMember[] = []): GroupContext {
  const group = {
    groupId: '1',
    type: 'group',
    public: false,
    settings: { applyApproval: 1, memberInvite: false, memberModify: false, readAck: false, historyVisible: true, disappearSeconds: 0 },
    ...overrides,
  } as GroupView;
  return { key: { appId: 'a', groupId: '1' }, group, callerId: 'me', role, members: new Map(others.map((m) => [m.userId, m])) };
}

const code = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('membership policy', () => {
  it('gives an app admin without a user owner rights, and acting as a user only that user’s role', () => {
    const app: Caller = { appId: 'a', userId: null, isAppAdmin: true };
    expect(roleOf(app, undefined)).toBe('owner');
    expect(roleOf({ ...app, userId: 'u' }, undefined)).toBeNull();
    expect(roleOf({ ...app, userId: 'u' }, member('u', 'admin'))).toBe('admin');
  });

  it('separates outsiders (not_member), members (forbidden), admins and the owner', () => {
    expect(code(() => assertAdmin(context(null), 'x'))).toBe('not_member');
    expect(code(() => assertAdmin(context('member'), 'x'))).toBe('forbidden');
    expect(code(() => assertAdmin(context('admin'), 'x'))).toBe('ok');
    expect(code(() => assertOwner(context('admin'), 'x'))).toBe('forbidden');
    expect(code(() => assertOwner(context('owner'), 'x'))).toBe('ok');
  });

  it('lets members invite only with member_invite', () => {
    expect(code(() => assertCanInvite(context('member')))).toBe('forbidden');
    expect(code(() => assertCanInvite(context('member', { settings: { ...context(null).group.settings, memberInvite: true } })))).toBe('ok');
    expect(code(() => assertCanInvite(context(null)))).toBe('not_member');
  });

  it('lets anyone read chatrooms and public groups, only members private groups', () => {
    expect(code(() => assertCanRead(context(null)))).toBe('not_member');
    expect(code(() => assertCanRead(context(null, { type: 'chatroom' })))).toBe('ok');
    expect(code(() => assertCanRead(context(null, { public: true })))).toBe('ok');
  });

  it('refuses kicking the owner, admins kicking admins, and non-members', () => {
    const others = [member('o', 'owner'), member('a', 'admin'), member('m', 'member')];
    expect(kickRefusal(context('admin', {}, others), 'o')?.code).toBe('owner_protected');
    expect(kickRefusal(context('admin', {}, others), 'a')?.code).toBe('forbidden');
    expect(kickRefusal(context('owner', {}, others), 'a')).toBeNull();
    expect(kickRefusal(context('admin', {}, others), 'm')).toBeNull();
    expect(kickRefusal(context('admin', {}, others), 'nobody')?.code).toBe('not_member');
  });
});
