/** Lists show handled requests and invitations, and pending ones until they expire. */
export function stillListed(now = new Date()) {
  return { $or: [{ status: { $ne: 0 } }, { expiresAt: { $gt: now } }] };
}
