import type { ItemResult, MemberProfile } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';

import type { AddedMembers, MemberEntry, RemovedMember } from './dto/easemob-answers';

export const memberEntry = (member: MemberProfile): MemberEntry =>
  member.role === 'owner' ? { owner: member.userId } : { member: member.userId };

export const adminNames = (admins: MemberProfile[]): string[] =>
  admins.filter((a) => a.role === 'admin').map((a) => a.userId);

export function onlyItem(results: ItemResult[]): void {
  const [result] = results;
  if (!result) throw new DomainError('internal', 'a single-user call answered no result');
  if (!result.ok) throw DomainError.fromPayload(result.error);
}

/** A batch that does not fit is refused whole by membership: Easemob answers that as the request's error, not an empty list. */
export function addedMembers(groupId: string, results: ItemResult[]): AddedMembers {
  const full = results.find((r) => !r.ok && r.error.code === 'group_full');
  if (full && !full.ok) throw DomainError.fromPayload(full.error);
  return { newmembers: results.filter((r) => r.ok).map((r) => r.userId), action: 'add_member', id: groupId };
}

const removalFailure = (groupId: string, userId: string, error: { code: string; message: string }): string =>
  error.code === 'not_member' ? `user: ${userId} doesn't exist in group: ${groupId}` : error.message;

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
