import type { Caller, GroupView, MemberRole } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';

/** Every service decides with these, whichever dialect asked. */
export type Role = MemberRole | null;

export interface AccessSubject {
  group: Pick<GroupView, 'groupId' | 'type' | 'public' | 'settings'>;
  role: Role;
}

export function roleOf(caller: Caller, memberRole: MemberRole | null | undefined): Role {
  if (caller.isAppAdmin && caller.userId === null) return 'owner';
  return memberRole ?? null;
}

export const isAdminRole = (role: Role): boolean => role === 'owner' || role === 'admin';

export function notMember(groupId: string, userId?: string | null): DomainError {
  return new DomainError(
    'not_member',
    userId ? `user ${userId} is not a member of group ${groupId}` : `caller is not a member of group ${groupId}`,
  );
}

export function blockedReader(groupId: string): DomainError {
  return new DomainError('blocked', `caller is blocked in group ${groupId}`);
}

export function groupNotFound(groupId: string): DomainError {
  return new DomainError('group_not_found', `group ${groupId} does not exist`);
}

/** Members read any group; anyone in the app reads chatrooms and public groups (the blocklist aside). */
export function canRead({ group, role }: AccessSubject): boolean {
  return role !== null || group.type === 'chatroom' || group.public;
}

export function assertCanRead(subject: AccessSubject): void {
  if (!canRead(subject)) throw notMember(subject.group.groupId);
}

/** Members are never blocked, so only an outsider reading as a user has a blocklist entry that decides. */
export function isOutsiderReader({ role }: AccessSubject, caller: Caller): boolean {
  return role === null && caller.userId !== null;
}

export function assertMember({ group, role }: AccessSubject): void {
  if (!role) throw notMember(group.groupId);
}

export function assertAdmin(subject: AccessSubject, what: string): void {
  assertMember(subject);
  if (!isAdminRole(subject.role)) throw new DomainError('forbidden', `only the owner and admins may ${what}`);
}

export function assertOwner(subject: AccessSubject, what: string): void {
  assertMember(subject);
  if (subject.role !== 'owner') throw new DomainError('forbidden', `only the group owner may ${what}`);
}

/** Admins edit the profile; members too when the group lets members modify it. */
export function assertCanEditProfile(subject: AccessSubject): void {
  assertMember(subject);
  if (isAdminRole(subject.role) || subject.group.settings.memberModify) return;
  throw new DomainError('forbidden', 'only the owner and admins may edit this group (member_modify is off)');
}

/** Admins invite (and sign QR invites); members too when the group lets members invite. */
export function assertCanInvite(subject: AccessSubject): void {
  assertMember(subject);
  if (!isAdminRole(subject.role) && !subject.group.settings.memberInvite) {
    throw new DomainError('forbidden', 'only the owner and admins may invite (member_invite is off)');
  }
}

/** An app admin naming no user acts as the group's owner; without a group, it must name the user. */
export function actingUser(caller: Caller, what: string, subject?: { group: Pick<GroupView, 'ownerId'> }): string {
  if (caller.userId !== null) return caller.userId;
  if (caller.isAppAdmin && subject) return subject.group.ownerId;
  throw new DomainError(
    'invalid_parameter',
    `userId: is required with an app-admin token when no group names whom to act as (to ${what})`,
    { field: 'userId' },
  );
}
