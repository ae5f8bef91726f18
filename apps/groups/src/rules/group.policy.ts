import type { AccessView, Caller, GroupType, GroupView } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { type Role, roleOf } from '@cohort/group-access';

/**
 * The caller's role as membership's answer gives it (membership owns roles: a transfer changes them
 * there first); the group record's owner is only the fallback when membership said nothing.
 */
export function effectiveRole(caller: Caller, group: GroupView, access: AccessView | undefined): Role {
  return roleOf(caller, access ? access.member?.role : caller.userId === group.ownerId ? 'owner' : null);
}

export function assertCanCreate(type: GroupType, caller: Caller, isSuperAdmin: boolean): void {
  if (type === 'group' || caller.isAppAdmin || isSuperAdmin) return;
  throw new DomainError('forbidden', 'only super admins and the app admin may create chatrooms');
}
