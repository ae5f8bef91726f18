import type { CursorPage } from '../common/paging';

export const GROUP_TYPES = ['group', 'chatroom'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

/**
 * A group's life. `Pending` while the create saga runs; `Abandoned` once its rollback claimed it
 * (it can no longer become active; the record goes when the rollback is complete); `Destroyed` for
 * good (stored and read as `dissolved`, the value records have always held).
 */
export const GroupStatus = {
  Pending: 'pending',
  Abandoned: 'abandoned',
  Active: 'active',
  Destroyed: 'dissolved',
} as const;
export type GroupStatus = (typeof GroupStatus)[keyof typeof GroupStatus];

/**
 * Who may join by a join request (the setting `applyApproval`): `Open` joins at once,
 * `ApprovalRequired` waits for an admin, `Closed` refuses every request. The numbers are what
 * records and events hold.
 */
export const ApprovalPolicy = { Open: 0, ApprovalRequired: 1, Closed: 2 } as const;
export type ApprovalPolicy = (typeof ApprovalPolicy)[keyof typeof ApprovalPolicy];

export interface GroupSettings {
  applyApproval: ApprovalPolicy;
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
  /** Who created it (the first owner). */
  creatorId: string;
  capacity: number;
  public: boolean;
  status: GroupStatus;
  settings: GroupSettings;
  /** Mute-all end in ms; PERMANENT; null off. Expired values read as off. */
  muteAllUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface GroupInfoView extends GroupView {
  memberCount: number;
  callerMember: import('../membership/member.types').MemberView | null;
  /** When asked for (`withAnnouncement`): the current announcement (content's), null: none. */
  announcement?: import('../content/content.types').AnnouncementView | null;
}

/** A page of the admin's group search. */
export type GroupSearchPage = CursorPage<GroupView>;

export interface GroupStatsView {
  groups: number;
  chatrooms: number;
}
