import type { ErrorPayload } from '../errors';
import type { GroupType } from '../groups/group.types';

export type MemberRole = 'owner' | 'admin' | 'member';
export type MsgMuteMode = 0 | 1 | 2;
export type MsgPushMode = 0 | 1 | 2 | 3 | 4;

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

/** A member as member lists show it: with the end of their mute from moderation (0 none, -1 permanent). */
export interface MemberProfile extends MemberView {
  mutedUntil: number;
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

/** One page of a list; `cursor` is opaque, null on the last page. `total` counts the whole list. */
export interface Page<T> {
  items: T[];
  cursor: string | null;
  total: number;
}

/** One item of a batch, in request order: done, or why not (a canonical error as data). */
export type ItemResult = { userId: string; ok: true } | { userId: string; ok: false; error: ErrorPayload };

export interface JoinedGroupView {
  groupId: string;
  type: GroupType;
  role: MemberRole;
  /** ms since epoch */
  joinedAt: number;
  /** The group's name, when asked for (`withNames`). */
  name?: string;
}

/** 0 pending, 1 approved / accepted, 2 rejected / declined. Expired requests read as not pending. */
export type RequestStatus = 0 | 1 | 2;

export interface JoinRequestView {
  groupId: string;
  applicantId: string;
  reason: string;
  status: RequestStatus;
  /** ms since epoch */
  createdAt: number;
  expiresAt: number;
}

export interface InvitationView {
  groupId: string;
  inviteeId: string;
  inviterId: string;
  reason: string;
  status: RequestStatus;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
}

/** How an application or a redeemed invitation ended. */
export type JoinOutcome = 'joined' | 'pending' | 'rejected' | 'declined';

export interface QrInviteView {
  token: string;
  createdAt: number;
  expiresAt: number;
}

/** A group's people as a Mixin conversation shows them. */
export interface ParticipantsView {
  /** A page of the members by join time (at most Limits.participantsPage). */
  members: MemberView[];
  /** The next page's position; null on the last page. */
  cursor: string | null;
  /** The registered sessions of those members (a member may have none or several). */
  sessions: { userId: string; sessionId: string }[];
  /** The group's current invite code. */
  inviteCode: string;
}
