import type { Caller, GroupSettings, GroupType } from '@cohort/contracts';

import {
  type AccessSubject,
  actingUser,
  assertAdmin,
  assertCanEditProfile,
  assertCanInvite,
  assertCanRead,
  assertMember,
  assertOwner,
  canRead,
  isAdminRole,
  isOutsiderReader,
  type Role,
  roleOf,
} from './access-rules';

const settings: GroupSettings = {
  applyApproval: 1,
  memberInvite: false,
  memberModify: false,
  readAck: false,
  historyVisible: true,
  disappearSeconds: 0,
};
const subject = (
  role: Role,
  group: { type?: GroupType; public?: boolean; settings?: Partial<GroupSettings> } = {},
): AccessSubject => ({
  group: {
    groupId: '1',
    type: group.type ?? 'group',
    public: group.public ?? false,
    settings: { ...settings, ...group.settings },
  },
  role,
});
const appAdmin: Caller = { appId: 'a', userId: null, isAppAdmin: true };
const user: Caller = { appId: 'a', userId: 'u', isAppAdmin: false };

/** The code a rule refuses with, or 'ok'. */
const outcome = (rule: () => unknown): string => {
  try {
    rule();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('access rules', () => {
  it('roleOf: an app admin naming no user acts as the owner; acting as a user, it has that user’s role', () => {
    expect(roleOf(appAdmin, null)).toBe('owner');
    expect(roleOf({ ...appAdmin, userId: 'u' }, undefined)).toBeNull();
    expect(roleOf({ ...appAdmin, userId: 'u' }, 'admin')).toBe('admin');
    expect(roleOf(user, 'member')).toBe('member');
  });

  it('isAdminRole: the owner and admins', () => {
    expect([isAdminRole('owner'), isAdminRole('admin'), isAdminRole('member'), isAdminRole(null)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('canRead / assertCanRead: members read any group, anyone a chatroom or a public group', () => {
    expect(canRead(subject(null))).toBe(false);
    expect(outcome(() => assertCanRead(subject(null)))).toBe('not_member');
    expect(outcome(() => assertCanRead(subject(null, { type: 'chatroom' })))).toBe('ok');
    expect(outcome(() => assertCanRead(subject(null, { public: true })))).toBe('ok');
    expect(outcome(() => assertCanRead(subject('member')))).toBe('ok');
  });

  it('isOutsiderReader: only an outsider reading as a user has a blocklist entry to check', () => {
    expect(isOutsiderReader(subject(null), user)).toBe(true);
    expect(isOutsiderReader(subject('member'), user)).toBe(false);
    expect(isOutsiderReader(subject(null), appAdmin)).toBe(false);
  });

  it('assertMember: outsiders are refused as not members', () => {
    expect(outcome(() => assertMember(subject(null)))).toBe('not_member');
    expect(outcome(() => assertMember(subject('member')))).toBe('ok');
  });

  it('assertAdmin: outsiders not_member, members forbidden, admins and the owner pass', () => {
    expect(
      ['owner', 'admin', 'member', null].map((role) => outcome(() => assertAdmin(subject(role as Role), 'x'))),
    ).toEqual(['ok', 'ok', 'forbidden', 'not_member']);
  });

  it('assertOwner: only the owner', () => {
    expect(
      ['owner', 'admin', 'member', null].map((role) => outcome(() => assertOwner(subject(role as Role), 'x'))),
    ).toEqual(['ok', 'forbidden', 'forbidden', 'not_member']);
  });

  it('assertCanEditProfile: admins; members only when the group lets members modify it', () => {
    expect(outcome(() => assertCanEditProfile(subject('member')))).toBe('forbidden');
    expect(outcome(() => assertCanEditProfile(subject('member', { settings: { memberModify: true } })))).toBe('ok');
    expect(outcome(() => assertCanEditProfile(subject('admin')))).toBe('ok');
    expect(outcome(() => assertCanEditProfile(subject(null)))).toBe('not_member');
  });

  it('assertCanInvite: admins; members only when the group lets members invite', () => {
    expect(outcome(() => assertCanInvite(subject('member')))).toBe('forbidden');
    expect(outcome(() => assertCanInvite(subject('member', { settings: { memberInvite: true } })))).toBe('ok');
    expect(outcome(() => assertCanInvite(subject(null)))).toBe('not_member');
  });

  it('actingUser: the caller’s user; an app admin naming none acts as the group’s owner, and must name one without a group', () => {
    expect(actingUser(user, 'apply')).toBe('u');
    expect(actingUser(appAdmin, 'leave', { group: { ownerId: 'o' } })).toBe('o');
    expect(outcome(() => actingUser(appAdmin, 'apply'))).toBe('invalid_parameter');
  });
});
