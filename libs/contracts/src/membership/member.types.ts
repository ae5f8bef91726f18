export type MemberRole = 'owner' | 'admin' | 'member';
export type MsgMuteMode = 0 | 1 | 2;
export type MsgPushMode = 0 | 1 | 2 | 3 | 4;

export interface MemberView {
  userId: string;
  role: MemberRole;
  displayName: string;
  joinedAt: number;
  msgMuteMode: MsgMuteMode;
  msgPushMode: MsgPushMode;
}

/** What membership tells other services about one group from one user's point of view. */
export interface AccessView {
  groupId: string;
  memberCount: number;
  member: MemberView | null;
}
