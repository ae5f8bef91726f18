import { type InvitationStatus, JoinRequestStatus } from '@cohort/contracts';

/** Join requests and invitations are pending with the same stored value. */
const PENDING = JoinRequestStatus.Pending satisfies typeof InvitationStatus.Pending;

/** Lists show handled requests and invitations, and pending ones until they expire. */
export function stillListed(now = new Date()) {
  return { $or: [{ status: { $ne: PENDING } }, { expiresAt: { $gt: now } }] };
}
