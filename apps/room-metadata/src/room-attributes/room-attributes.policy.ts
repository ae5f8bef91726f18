import type { Caller } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { isAdminRole, type GroupAccess } from '@cohort/group-access';

/** A user calls only as themself; an app admin may name any user. */
export function assertMayActAs(caller: Caller, userId: string | null): void {
  if (!caller.isAppAdmin && caller.userId !== userId) throw new DomainError('forbidden', 'a user may set or remove chatroom attributes only as themself');
}

/**
 * Who may change attributes: members (their own keys), and with `forced` (keys of others) the
 * owner and admins. `userId` null is the app admin itself, who may do anything.
 */
export function assertMayChange(access: GroupAccess, userId: string | null, forced: boolean): void {
  if (userId === null) return;
  const role = access.roles.get(userId) ?? null;
  if (!role) throw new DomainError('not_member', `user ${userId} is not a member of chatroom ${access.group.groupId}`);
  if (forced && !isAdminRole(role)) {
    throw new DomainError('forbidden', 'only the owner and admins of the chatroom may overwrite or remove attributes of other members');
  }
}
