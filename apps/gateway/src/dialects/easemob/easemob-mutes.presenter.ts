import type { MuteEntry, MuteResult } from '@cohort/contracts';

import type { MutedUser, MuteOutcome, UnmuteOutcome } from './dto/easemob-answers';

/** One user's outcome of a mute: when it ends (ms, -1 permanent, 0 lifted), or why not. */
export const muteOutcome = (result: MuteResult): MuteOutcome =>
  result.ok
    ? { result: true, expire: result.until, user: result.userId }
    : { result: false, user: result.userId, reason: result.error.message };

/** One user's outcome of an unmute. */
export const unmuteOutcome = (result: MuteResult): UnmuteOutcome =>
  result.ok
    ? { result: true, user: result.userId }
    : { result: false, reason: result.error.message, user: result.userId };

/** A mute in force: its end (ms, -1 permanent) and whom it mutes. */
export const mutedUser = (mute: MuteEntry): MutedUser => ({ expire: mute.until, user: mute.userId });
