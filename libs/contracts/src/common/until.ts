/**
 * The end of a mute or of mute-all, in ms since epoch, that never comes. Stored, sent in events
 * (`member.muted`, `group.mute_all_changed`) and in views as this value.
 */
export const PERMANENT = -1;

/** Whether a mute (or mute-all) that ends at `until` (ms, or PERMANENT; null/0: none) holds at `now`. */
export function isInForce(until: number | null | undefined, now: number): boolean {
  return until === PERMANENT || (typeof until === 'number' && until > now);
}
