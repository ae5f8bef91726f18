import { Limits } from '@cohort/contracts';

/** The longest timed mute in minutes, the unit the /group and admin dialects take (the domain's: ms). */
export const MUTE_MINUTES_MAX = Limits.muteDurationMaxMs / 60_000;

/** A mute's (or mute-all's) length from minutes to the domain's ms; -1 (permanent) and 0 (lift) keep their meaning. */
export const muteMs = (minutes: number): number => (minutes > 0 ? minutes * 60_000 : minutes);
