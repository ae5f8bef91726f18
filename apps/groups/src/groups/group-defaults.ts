import { ApprovalPolicy, type GroupSettings, type GroupType, PERMANENT } from '@cohort/contracts';

export function defaultSettings(type: GroupType): GroupSettings {
  return {
    applyApproval: type === 'group' ? ApprovalPolicy.ApprovalRequired : ApprovalPolicy.Open,
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

/** Mute-all end from its length in ms: PERMANENT stays, 0 is off. */
export function muteAllUntilFrom(durationMs: number, now = Date.now()): number | null {
  if (durationMs === 0) return null;
  if (durationMs === PERMANENT) return PERMANENT;
  return now + durationMs;
}
