import { isInForce, type MemberRole, type SendDecision, type SendReason } from '@cohort/contracts';

import { type GroupFacts, type UserFacts } from '../standings/facts';

const refused = (reason: SendReason, until = 0, role: MemberRole | null = null): SendDecision => ({
  allowed: false,
  reason,
  until,
  priority: false,
  role,
});

/**
 * Can this user send in this group at `now`? The first rule that applies, in this order: the group
 * must exist; the user must not be blocked, and must be a member; an individual mute in force
 * refuses (even if allowlisted); mute-all in force refuses everyone but the owner, admins and the
 * allowlisted. Allowlisted senders' messages are flagged priority.
 */
export function decideSend(group: GroupFacts, user: UserFacts, now: number): SendDecision {
  if (group.life?.value !== true) return refused('group_not_found');
  if (user.block?.value === true) return refused('blocked');
  const role = user.role?.value;
  if (!role) return refused('not_member');
  const mute = user.mute?.value;
  if (mute !== undefined && isInForce(mute, now)) return refused('muted', mute, role);
  const allowlisted = user.allow?.value === true;
  const muteAll = group.muteAll?.value;
  if (muteAll !== undefined && muteAll !== null && isInForce(muteAll, now) && role === 'member' && !allowlisted)
    return refused('muted_all', muteAll, role);
  return { allowed: true, reason: 'ok', until: 0, priority: allowlisted, role };
}
