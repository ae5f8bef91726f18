import type { Caller, ErrorPayload, GroupKey, GroupView, MemberRole } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import type { StoredMember } from './member.repository';

/** The caller's rights in one group; null = not a member. */
export type Role = MemberRole | null;

/** A group, the caller's role in it, and the present members among the users the call names. */
export interface GroupContext {
  key: GroupKey;
  group: GroupView;
  callerId: string | null;
  role: Role;
  members: Map<string, StoredMember>;
}

/** An app admin without a user acts as the group's owner; acting as a user, it has that user's role. */
export function roleOf(caller: Caller, member: StoredMember | undefined): Role {
  if (caller.isAppAdmin && caller.userId === null) return 'owner';
  return member?.role ?? null;
}

export const isAdmin = (role: Role): boolean => role === 'owner' || role === 'admin';

export function notMember(groupId: string, userId?: string | null): DomainError {
  return new DomainError('not_member', userId ? `user ${userId} is not a member of group ${groupId}` : `caller is not a member of group ${groupId}`);
}

export function assertMember(gc: GroupContext): void {
  if (!gc.role) throw notMember(gc.group.groupId);
}

export function assertAdmin(gc: GroupContext, what: string): void {
  assertMember(gc);
  if (!isAdmin(gc.role)) throw new DomainError('forbidden', `only the owner and admins may ${what}`);
}

export function assertOwner(gc: GroupContext, what: string): void {
  assertMember(gc);
  if (gc.role !== 'owner') throw new DomainError('forbidden', `only the group owner may ${what}`);
}

/** Members read any group; anyone in the app reads chatrooms and public groups. */
export function assertCanRead(gc: GroupContext): void {
  if (gc.role === null && gc.group.type !== 'chatroom' && !gc.group.public) throw notMember(gc.group.groupId);
}

/** Admins invite (and sign QR invites); members too when `member_invite` is on. */
export function assertCanInvite(gc: GroupContext): void {
  assertMember(gc);
  if (!isAdmin(gc.role) && !gc.group.settings.memberInvite) {
    throw new DomainError('forbidden', 'only the owner and admins may invite (member_invite is off)');
  }
}

/**
 * Calls that act for one user (apply, leave, own preferences): the caller's user. An app admin
 * naming no user acts as the owner of the group the call is about (`gc`); without a group, it
 * must name the user.
 */
export function actingUser(caller: Caller, what: string, gc?: GroupContext): string {
  if (caller.userId !== null) return caller.userId;
  if (caller.isAppAdmin && gc) return gc.group.ownerId;
  throw new DomainError('invalid_parameter', `userId: an app admin must act as a user to ${what}`, { field: 'userId' });
}

/** Why the caller may not kick `target` (null: may). Admins kick members; the owner kicks admins too. */
export function kickRefusal(gc: GroupContext, targetId: string): ErrorPayload | null {
  const target = gc.members.get(targetId);
  if (!target) return notMember(gc.group.groupId, targetId).toPayload();
  if (target.role === 'owner') return { code: 'owner_protected', message: 'forbidden operation on group owner' };
  if (target.role === 'admin' && gc.role !== 'owner') return { code: 'forbidden', message: 'admins cannot remove other admins' };
  return null;
}
