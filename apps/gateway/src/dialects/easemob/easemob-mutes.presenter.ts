import type { MuteEntry, MuteResult } from '@cohort/contracts';

import type { MutedUser, MuteOutcome, UnmuteOutcome } from './dto/easemob-answers';

export const muteOutcome = (result: MuteResult): MuteOutcome =>
  result.ok
    ? { result: true, expire: result.until, user: result.userId }
    : { result: false, user: result.userId, reason: result.error.message };

export const unmuteOutcome = (result: MuteResult): UnmuteOutcome =>
  result.ok
    ? { result: true, user: result.userId }
    : { result: false, reason: result.error.message, user: result.userId };

export const mutedUser = (mute: MuteEntry): MutedUser => ({ expire: mute.until, user: mute.userId });
