import type { AccessView, Caller, GroupType, GroupView, MemberRole } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';

/** The caller's rights in one group; null = not a member. */
export type EffectiveRole = MemberRole | null;

/**
 * An app admin without a user acts as the group's owner (docs/decisions.md, "Calling convention and
 * auth"). Otherwise membership's answer decides: it owns roles and ownership (a transfer changes
 * them there first); the group record's owner is only the fallback when membership said nothing.
 */
export function effectiveRole(caller: Caller, group: GroupView, access: AccessView | undefined): EffectiveRole {
  if (caller.isAppAdmin && caller.userId === null) return 'owner';
  if (access) return access.member?.role ?? null;
  return caller.userId === group.ownerId ? 'owner' : null;
}

const isAdmin = (role: EffectiveRole): boolean => role === 'owner' || role === 'admin';

function notMember(group: GroupView): DomainError {
  return new DomainError('not_member', `caller is not a member of group ${group.groupId}`);
}

/** Members read any group; anyone in the app reads chatrooms and public groups. */
export function canRead(group: GroupView, role: EffectiveRole): boolean {
  return role !== null || group.type === 'chatroom' || group.public;
}

/** A reader on the group's blocklist (chatrooms and public groups are readable by anyone else). */
export function blockedReader(group: GroupView): DomainError {
  return new DomainError('blocked', `caller is blocked in group ${group.groupId}`);
}

export function assertCanRead(group: GroupView, role: EffectiveRole): void {
  if (!canRead(group, role)) throw notMember(group);
}

export function assertCanEditProfile(group: GroupView, role: EffectiveRole): void {
  if (isAdmin(role) || (role === 'member' && group.settings.memberModify)) return;
  if (!role) throw notMember(group);
  throw new DomainError('forbidden', 'only the owner and admins may edit this group (member_modify is off)');
}

export function assertIsAdmin(group: GroupView, role: EffectiveRole): void {
  if (isAdmin(role)) return;
  if (!role) throw notMember(group);
  throw new DomainError('forbidden', 'only the owner and admins may change group settings');
}

export function assertIsOwner(group: GroupView, role: EffectiveRole): void {
  if (role === 'owner') return;
  if (!role) throw notMember(group);
  throw new DomainError('forbidden', 'only the group owner may do this');
}

export function assertCanCreate(type: GroupType, caller: Caller, isSuperAdmin: boolean): void {
  if (type === 'group' || caller.isAppAdmin || isSuperAdmin) return;
  throw new DomainError('forbidden', 'only super admins and the app admin may create chatrooms');
}

export function groupNotFound(groupId: string): DomainError {
  return new DomainError('group_not_found', `group ${groupId} does not exist`);
}
