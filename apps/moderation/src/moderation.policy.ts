import type { ErrorPayload } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import type { GroupAccess } from '@cohort/group-access';

/** Why `userId` may not be muted or blocked by this caller (null: may): members only, never the owner, admins only by the owner. */
export function targetRefusal(gc: GroupAccess, userId: string, verb: 'mute' | 'block'): ErrorPayload | null {
  const role = gc.roles.get(userId);
  if (!role) return { code: 'not_member', message: `users [${userId}] are not members of this group!` };
  if (role === 'owner') return { code: 'owner_protected', message: 'forbidden operation on group owner!' };
  if (role === 'admin' && gc.role !== 'owner') return { code: 'forbidden', message: `admins cannot ${verb} other admins` };
  return null;
}

/** Easemob's whole-request rule: any non-member (all named at once), or the owner, refuses the call. */
export function refuseWhole(userIds: string[], refusals: Map<string, ErrorPayload | null>): void {
  const outsiders = userIds.filter((userId) => refusals.get(userId)?.code === 'not_member');
  if (outsiders.length > 0) throw new DomainError('not_member', `users [${[...new Set(outsiders)].join(', ')}] are not members of this group!`);
  const refused = userIds.map((userId) => refusals.get(userId)).find((refusal) => refusal);
  if (refused) throw DomainError.fromPayload(refused);
}
