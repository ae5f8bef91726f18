import type { AnnouncementView } from '../content/content.types';
import type { GroupInfoView, GroupType } from '../groups/group.types';

export type MemberRole = 'owner' | 'admin' | 'member';

/** What a member's client does with the group's messages (`msgMuteMode`). */
export const MsgMuteMode = { None: 0, NoLocalNotification: 1, ReceiveNothing: 2 } as const;
export type MsgMuteMode = (typeof MsgMuteMode)[keyof typeof MsgMuteMode];

/** Which of the group's messages are pushed to a member (`msgPushMode`). */
export const MsgPushMode = { All: 0, None: 1, AdminsAndMentions: 2, AdminsOnly: 3, MentionsOnly: 4 } as const;
export type MsgPushMode = (typeof MsgPushMode)[keyof typeof MsgPushMode];

export interface MemberView {
  userId: string;
  role: MemberRole;
  displayName: string;
  /** ms since epoch */
  joinedAt: number;
  msgMuteMode: MsgMuteMode;
  msgPushMode: MsgPushMode;
  /** Notifications muted until (ms since epoch); 0 when not muted. */
  notificationsMutedUntil: number;
}

/** What a member sets for themself in a group: their name there and what steers delivery to them. */
export type MemberSettings = Pick<
  MemberView,
  'displayName' | 'msgMuteMode' | 'msgPushMode' | 'notificationsMutedUntil'
>;

/** What a member's record says of them beside another service's facts: their name there and join time. */
export type MemberNaming = Pick<MemberView, 'displayName' | 'joinedAt'>;

/** A member as member lists show it: with the end of their mute from moderation (0 none, -1 permanent). */
export interface MemberProfile extends MemberView {
  mutedUntil: number;
  /** When asked for (`withBlocked`): whether moderation blocks them. */
  blocked?: boolean;
}

/** One member as a moderator reads it: the profile, and whether moderation blocks them. */
export interface MemberDetail extends MemberProfile {
  blocked: boolean;
}

/** What membership tells other services about one group from one user's point of view. */
export interface AccessView {
  groupId: string;
  memberCount: number;
  /** The current owner (membership owns ownership: transfers change it here first). */
  ownerId: string;
  /** The capacity membership enforces (changed there first). */
  capacity: number;
  member: MemberView | null;
}

export interface JoinedGroupView {
  groupId: string;
  type: GroupType;
  role: MemberRole;
  /** ms since epoch */
  joinedAt: number;
  /** The group's name, when asked for (`withNames`). */
  name?: string;
}

/** Where a join request stands (the numbers are what records hold). Expired ones read as not pending. */
export const JoinRequestStatus = { Pending: 0, Approved: 1, Rejected: 2 } as const;
export type JoinRequestStatus = (typeof JoinRequestStatus)[keyof typeof JoinRequestStatus];

/** Where an invitation stands (the numbers are what records hold). Expired ones read as not pending. */
export const InvitationStatus = { Pending: 0, Accepted: 1, Declined: 2 } as const;
export type InvitationStatus = (typeof InvitationStatus)[keyof typeof InvitationStatus];

export interface JoinRequestView {
  groupId: string;
  applicantId: string;
  reason: string;
  status: JoinRequestStatus;
  /** ms since epoch */
  createdAt: number;
  expiresAt: number;
}

export interface InvitationView {
  groupId: string;
  inviteeId: string;
  inviterId: string;
  reason: string;
  status: InvitationStatus;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
}

/** How a join request or an answered invitation ended. */
export type JoinOutcome = 'joined' | 'pending' | 'rejected' | 'declined';

export interface QrInviteView {
  token: string;
  createdAt: number;
  expiresAt: number;
}

/** A page of a group's members with their sessions, and its invite code. */
export interface MembersWithSessionsView {
  /** A page of the members by join time (at most Limits.membersWithSessionsPage). */
  members: MemberView[];
  /** The next page's position; null on the last page. */
  cursor: string | null;
  /** The registered sessions of those members (a member may have none or several). */
  sessions: { userId: string; sessionId: string }[];
  /** The group's current invite code. */
  inviteCode: string;
}

/** A whole Mixin conversation as its reader sees it, in one answer. */
export interface ConversationView {
  group: GroupInfoView;
  /** A page of the members with their sessions, and the invite code. */
  people: MembersWithSessionsView;
  /** The current announcement (content's), null: none. */
  announcement: AnnouncementView | null;
}
