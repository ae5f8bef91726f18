import type { GroupSettings, GroupType } from '@cohort/contracts';

export function defaultSettings(type: GroupType): GroupSettings {
  return {
    applyApproval: type === 'group' ? 1 : 0,
    memberInvite: false,
    memberModify: false,
    readAck: false,
    historyVisible: true,
    disappearSeconds: 0,
  };
}

export function defaultPublic(type: GroupType): boolean {
  return type === 'chatroom';
}

/** Mute-all end from the seed's minutes: -1 permanent, 0 off. */
export function muteAllUntilFrom(durationMinutes: number, now = Date.now()): number | null {
  if (durationMinutes === 0) return null;
  if (durationMinutes < 0) return -1;
  return now + durationMinutes * 60_000;
}
