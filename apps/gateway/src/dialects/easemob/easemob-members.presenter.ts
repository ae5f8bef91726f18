import type { ItemResult, MemberProfile } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';

import type { AddedMembers, MemberEntry, RemovedMember } from './dto/easemob-answers';

/** The owner as `{owner}`, anyone else (admins included) as `{member}`. */
export const memberEntry = (member: MemberProfile): MemberEntry =>
  member.role === 'owner' ? { owner: member.userId } : { member: member.userId };

/** The admins' usernames, the owner left out. */
export const adminNames = (admins: MemberProfile[]): string[] =>
  admins.filter((a) => a.role === 'admin').map((a) => a.userId);

/** The one item of a single-user call: done, or its failure thrown as the call's error. */
export function onlyItem(results: ItemResult[]): void {
  const [result] = results;
  if (!result) throw new DomainError('internal', 'a single-user call answered no result');
  if (!result.ok) throw DomainError.fromPayload(result.error);
}

/** A batch add: who was added. */
/**
 * A batch add: the users added. A batch that does not fit is refused whole by membership (every
 * newcomer fails with group_full): Easemob answers that as the request's error, not as an empty list.
 */
export function addedMembers(groupId: string, results: ItemResult[]): AddedMembers {
  const full = results.find((r) => !r.ok && r.error.code === 'group_full');
  if (full && !full.ok) throw DomainError.fromPayload(full.error);
  return { newmembers: results.filter((r) => r.ok).map((r) => r.userId), action: 'add_member', id: groupId };
}

/** Easemob's words for a user who is not in the group; other failures keep their message. */
const removalFailure = (groupId: string, userId: string, error: { code: string; message: string }): string =>
  error.code === 'not_member' ? `user: ${userId} doesn't exist in group: ${groupId}` : error.message;

/** One user's outcome of a removal. */
export const removedMember = (groupId: string, result: ItemResult): RemovedMember =>
  result.ok
    ? { result: true, action: 'remove_member', user: result.userId, id: groupId }
    : {
        result: false,
        action: 'remove_member',
        reason: removalFailure(groupId, result.userId, result.error),
        user: result.userId,
        id: groupId,
      };
