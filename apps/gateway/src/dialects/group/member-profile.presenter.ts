import type { MemberProfile, MuteEntry } from '@cohort/contracts';

import type { GroupMemberProfile } from './dto/member-answers';
import { jsonId } from './group-info.presenter';

/** 4.3, 4.35, 4.36 */
export function toMemberProfile(member: MemberProfile): GroupMemberProfile {
  return {
    display_name: member.displayName,
    // The vendor calls the end of a member's mute its expiry: 0 not muted, -1 permanent.
    expired_time: member.mutedUntil,
    join_time: member.joinedAt,
    user_id: jsonId(member.userId),
  };
}

/** 4.13: a mute outlives leaving the group, so a user who is no longer a member has no name and join_time 0. */
export function toMutedProfile(mute: MuteEntry, member: MemberProfile | undefined): GroupMemberProfile {
  return {
    display_name: member?.displayName ?? '',
    expired_time: mute.until,
    join_time: member?.joinedAt ?? 0,
    user_id: jsonId(mute.userId),
  };
}
