import { IsGroupId, IsUserId } from '../ids';
import type { MemberRole } from '../membership/member.types';

/** Can `userId` send in `groupId` now? The app's message server asks on every message. */
export class SendCheckQuery {
  @IsGroupId()
  groupId!: string;

  @IsUserId()
  userId!: string;
}

/** Why a message may or may not be sent, the first rule that applies in this order. */
export const SendReasons = ['group_not_found', 'blocked', 'not_member', 'muted', 'muted_all', 'ok'] as const;
export type SendReason = (typeof SendReasons)[number];

export interface SendDecision {
  allowed: boolean;
  reason: SendReason;
  /** With `muted` or `muted_all`: when it ends (ms since epoch, -1 permanent); otherwise 0. */
  until: number;
  /** Allowed and on the allowlist: the message server may treat the message as high priority. */
  priority: boolean;
  /**
   * The sender's role in the group (null when not a member): what the message server needs of the
   * sender to fan out, e.g. `MsgPushMode.AdminsAndMentions` and `AdminsOnly` (admins' messages) in the recipients view.
   */
  role: MemberRole | null;
}

/** One moderation instance's counters of the send decision since it started. */
export interface SendDecisionStats {
  instance: string;
  decisions: number;
  /** Decisions that read the database first (a group or user not cached yet, or stale). */
  coldDecisions: number;
  /** Every database command the instance issued since it started (driver command monitoring). */
  dbCommands: number;
  cachedGroups: number;
  cachedUsers: number;
}
