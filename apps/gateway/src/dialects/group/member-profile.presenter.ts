import type { MemberProfile } from '@cohort/contracts';
import type { GroupMemberProfile } from './dto/member-answers';
import { jsonId } from './group-info.presenter';

/** A member as the vendor's member lists show one (4.3, 4.35, 4.36). */
export function toMemberProfile(member: MemberProfile): GroupMemberProfile {
  return {
    display_name: member.displayName,
    // The vendor calls the end of a member's mute its expiry: 0 not muted, -1 permanent.
    expired_time: member.mutedUntil,
    join_time: member.joinedAt,
    user_id: jsonId(member.userId),
  };
}
