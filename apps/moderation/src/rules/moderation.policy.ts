import type { ErrorPayload } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import type { GroupAccess } from '@cohort/group-access';

/** What an admin does to a user: the same target rules for all, membership required only to impose a mute. */
export type ModerationVerb = 'mute' | 'unmute' | 'block';

/**
 * Why `userId` may not be the target of `verb` by this caller (null: may): never the owner,
 * admins only by the owner — so nobody lifts a mute they could not impose, on themselves
 * included. A mute needs a member; a lift or a block does not (a mute outlives leaving, and a
 * block must keep out someone who just left or was kicked).
 */
export function targetRefusal(gc: GroupAccess, userId: string, verb: ModerationVerb): ErrorPayload | null {
  const role = gc.roles.get(userId);
  if (!role)
    return verb === 'mute' ? { code: 'not_member', message: `users [${userId}] are not members of this group!` } : null;
  if (role === 'owner') return { code: 'owner_protected', message: 'forbidden operation on group owner!' };
  if (role === 'admin' && gc.role !== 'owner') return { code: 'forbidden', message: `admins cannot ${verb} admins` };
  return null;
}

/** The all-or-nothing rule: any non-member (all named at once), or the owner, refuses the call. */
export function refuseAll(userIds: string[], refusals: Map<string, ErrorPayload | null>): void {
  const outsiders = userIds.filter((userId) => refusals.get(userId)?.code === 'not_member');
  if (outsiders.length > 0)
    throw new DomainError('not_member', `users [${[...new Set(outsiders)].join(', ')}] are not members of this group!`);
  const refused = userIds.map((userId) => refusals.get(userId)).find((refusal) => refusal);
  if (refused) throw DomainError.fromPayload(refused);
}
