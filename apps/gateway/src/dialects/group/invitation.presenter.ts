import type { InvitationView } from '@cohort/contracts';

import type { GroupInvitation } from './dto/member-answers';
import { jsonId } from './group-info.presenter';

/** 4.30 */
export function toInvitation(invitation: InvitationView): GroupInvitation {
  return {
    expired_time: invitation.expiresAt,
    group_id: jsonId(invitation.groupId),
    invitee_id: jsonId(invitation.inviteeId),
    inviter_id: jsonId(invitation.inviterId),
    reason: invitation.reason,
    status: invitation.status,
    // The only time of the dialect sent as a date-time string: the vendor's document types it so.
    updated_at: new Date(invitation.updatedAt).toISOString(),
  };
}
