import type { Caller } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import type { GroupAccess } from '@cohort/group-access';

export function assertMayActAs(caller: Caller, userId: string | null): void {
  if (!caller.isAppAdmin && caller.userId !== userId)
    throw new DomainError('forbidden', 'a user may set or remove chatroom attributes only as themself');
}

/**
 * Who may change attributes: members. Unforced, a member changes only their own keys (planned per
 * key); forced, any member overwrites or removes keys others own: forcing is limited to no
 * role, the app server (which holds the app token) decides who may. `userId` null is the app
 * admin itself, who may do anything.
 */
export function assertMayChange(access: GroupAccess, userId: string | null): void {
  if (userId === null) return;
  if (!access.roles.has(userId))
    throw new DomainError('not_member', `user ${userId} is not a member of chatroom ${access.group.groupId}`);
}
