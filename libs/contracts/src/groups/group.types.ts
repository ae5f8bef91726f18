export type GroupType = 'group' | 'chatroom';
/**
 * `pending` while the create saga runs; `abandoned` once its rollback claimed it (it can no longer
 * become active; the record goes when the rollback is complete); `dissolved` once destroyed.
 */
export type GroupStatus = 'pending' | 'abandoned' | 'active' | 'dissolved';
export type ApplyApproval = 0 | 1 | 2;

export interface GroupSettings {
  /** 0 anyone may join by applying, 1 an admin must approve, 2 applications refused. */
  applyApproval: ApplyApproval;
  memberInvite: boolean;
  memberModify: boolean;
  readAck: boolean;
  historyVisible: boolean;
  disappearSeconds: number;
}

/** A group or chatroom record as the groups service owns it. Times are ms since epoch. */
export interface GroupView {
  groupId: string;
  type: GroupType;
  name: string;
  description: string;
  avatar: string;
  ext: string;
  ownerId: string;
  /** Who created it (the first owner; Mixin's `creator_id`). */
  creatorId: string;
  capacity: number;
  public: boolean;
  status: GroupStatus;
  settings: GroupSettings;
  /** Mute-all end in ms; -1 permanent; null off. Expired values read as off. */
  muteAllUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface GroupInfoView extends GroupView {
  memberCount: number;
  callerMember: import('../membership/member.types').MemberView | null;
}

/** A page of the admin's group search; `cursor` null on the last page. */
export interface GroupSearchPage {
  items: GroupView[];
  cursor: string | null;
}

export interface GroupStatsView {
  groups: number;
  chatrooms: number;
}
