import type { ErrorPayload } from '../errors';

/** A mute in force: until ms since epoch, or PERMANENT. */
export interface MuteEntry {
  userId: string;
  until: number;
  /** When it was set (ms). */
  at: number;
}

/** One target of a mute or unmute, in request order; `until` is 0 for a lifted mute. */
export type MuteResult =
  { userId: string; ok: true; until: number } | { userId: string; ok: false; error: ErrorPayload };

/** A user on a group's blocklist or allowlist, and since when (ms). */
export interface ListedUser {
  userId: string;
  at: number;
}
