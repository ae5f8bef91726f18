import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { declareCommand, replyType } from '../declare';
import { GetGroupsCommand, GroupIdCommand } from '../groups/group.commands';
import type { GroupInfoView, GroupType } from '../groups/group.types';
import { EmptyCommand } from '../health/health.commands';
import { IsGroupId } from '../ids';
import { Limits, USER_ID_PATTERN } from '../limits';
import type {
  AccessView,
  InvitationView,
  ItemResult,
  JoinedGroupView,
  JoinOutcome,
  JoinRequestView,
  MemberDetail,
  MemberProfile,
  MemberRole,
  MemberView,
  MsgMuteMode,
  MsgPushMode,
  Page,
  ParticipantsView,
  QrInviteView,
} from './member.types';

const USER_ID_RULE = { message: '$property must be a user id (1..64 chars of [A-Za-z0-9_.@:-])' };
const USER_IDS_RULE = { ...USER_ID_RULE, each: true };

/** Creates the roster of a new group: idempotent, keyed by group id (create saga step). */
export class InitializeRosterCommand {
  @IsGroupId()
  groupId!: string;

  @IsOptional()
  @IsIn(['group', 'chatroom'])
  type?: GroupType;

  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  ownerId!: string;

  @IsArray()
  @ArrayMaxSize(Limits.capacityCeiling)
  @Matches(USER_ID_PATTERN, USER_IDS_RULE)
  memberIds!: string[];

  @IsInt()
  @Min(1)
  @Max(Limits.capacityCeiling)
  capacity!: number;
}

export class GroupIdArgs {
  @IsGroupId()
  groupId!: string;

  /** Set by dialects whose routes name one kind (Easemob `/chatrooms/...`): another kind is not found. */
  @IsOptional()
  @IsIn(['group', 'chatroom'])
  groupType?: GroupType;
}

export class PurgeRosterCommand extends GroupIdArgs {}

/** The roster's capacity: refused below the current member count (atomically). */
export class SetRosterCapacityCommand extends GroupIdArgs {
  @IsInt()
  @Min(1)
  @Max(Limits.capacityCeiling)
  capacity!: number;
}

export class GetAccessCommand {
  @IsArray()
  @ArrayMaxSize(Limits.idsPerCall)
  @IsGroupId({ each: true })
  groupIds!: string[];

  @IsOptional()
  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  userId?: string;
}

/** Keyset paging: `cursor` from the previous page (absent: the first page). */
/** A page of a Mixin conversation's people: the Mixin dialect reads them all, page after page. */
export class ParticipantsCommand extends GroupIdArgs {
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;
}

export class CursorPaging {
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @IsInt()
  @Min(1)
  @Max(Limits.memberPageMax)
  limit!: number;
}

export class ListMembersCommand extends CursorPaging {
  @IsGroupId()
  groupId!: string;
}

/** Page-number paging (Easemob): page 1 first. */
export class ListMembersByPageCommand extends GroupIdArgs {
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  pageNumber!: number;

  @IsInt()
  @Min(1)
  @Max(Limits.memberPageMax)
  pageSize!: number;
}

/** One member of a group, named by user id. */
export class GetMemberCommand extends GroupIdArgs {
  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  userId!: string;
}

/** A batch naming 1..`max` users of one group; more is refused whole, naming the limit. */
function GroupUsersBatch(max: number) {
  class Batch extends GroupIdArgs {
    @IsArray()
    @ArrayMinSize(1, { message: '$property must name at least one user' })
    @ArrayMaxSize(max, { message: `$property may name at most ${max} users per call` })
    @Matches(USER_ID_PATTERN, USER_IDS_RULE)
    userIds!: string[];
  }
  return Batch;
}

/** Direct adds (Easemob single and batch add: 60 there; Mixin ADD). */
export class AddMembersCommand extends GroupUsersBatch(Limits.idsPerCall) {}
/** Kicks (Easemob batch remove: 100 there; /group/kick, Mixin REMOVE). */
export class KickMembersCommand extends GroupUsersBatch(Limits.idsPerCall) {
  /** Why they go: `blocked` when moderation removes the users it just blocked. */
  @IsOptional()
  @IsIn(['kicked', 'blocked'])
  how?: 'kicked' | 'blocked';
}
/** Admins to add or remove: at most the admin limit (99). */
export class AdminsCommand extends GroupUsersBatch(Limits.maxAdmins) {}
export class ProfilesCommand extends GroupUsersBatch(Limits.idsPerCall) {}

export class InviteCommand extends GroupUsersBatch(Limits.idsPerCall) {
  @IsOptional()
  @IsString()
  @MaxLength(Limits.reason)
  reason?: string;
}

export class TransferOwnershipCommand extends GroupIdArgs {
  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  newOwnerId!: string;
}

export class SetDisplayNameCommand extends GroupIdArgs {
  @IsString()
  @MaxLength(Limits.displayName)
  displayName!: string;
}

/** The caller's own notification preferences in one group; at least one field. */
export class SetNotificationPrefsCommand extends GroupIdArgs {
  @IsOptional()
  @IsIn([0, 1, 2])
  msgMuteMode?: MsgMuteMode;

  @IsOptional()
  @IsIn([0, 1, 2, 3, 4])
  msgPushMode?: MsgPushMode;

  /** Seconds from now; 0 unmutes (Mixin's conversation mute). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Limits.notificationMuteSecondsMax)
  notificationsMutedForSeconds?: number;
}

export class ListJoinedCommand {
  /** Whose groups; absent: the caller's own. */
  @IsOptional()
  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  userId?: string;

  @IsOptional()
  @IsIn(['group', 'chatroom'])
  type?: GroupType;

  /** Most recently joined first; page 1 first. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  pageNumber!: number;

  @IsInt()
  @Min(1)
  @Max(Limits.joinedPageMax)
  pageSize!: number;

  /** With each group's name (groups dissolved meanwhile left out of the page). */
  @IsOptional()
  @IsBoolean()
  withNames?: boolean;
}

export class ApplyCommand extends GroupIdArgs {
  @IsOptional()
  @IsString()
  @MaxLength(Limits.reason)
  reason?: string;
}

export class HandleApplicationCommand extends GroupIdArgs {
  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  applicantId!: string;

  @IsBoolean()
  approve!: boolean;
}

export class ListApplicationsCommand extends CursorPaging {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Limits.idsPerCall)
  @IsGroupId({ each: true })
  groupIds!: string[];
}

export class HandleInvitationCommand extends GroupIdArgs {
  /** Answer only this inviter's invitation; absent: every pending invitation to the group. */
  @IsOptional()
  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  inviterId?: string;

  @IsBoolean()
  accept!: boolean;
}

export class ListInvitationsCommand extends CursorPaging {
  /** A group's invitations (its admins); absent: the caller's received invitations. */
  @IsOptional()
  @IsGroupId()
  groupId?: string;
}

export class RedeemQrCommand {
  @IsString()
  @MaxLength(2048)
  token!: string;
}

export class JoinByCodeCommand {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: '$property must be an invite code' })
  code!: string;
}

/** The roles of the listed users who are members (moderation's rules ask before acting). */
export class RolesOfCommand extends GroupIdArgs {
  @IsArray()
  @ArrayMaxSize(Limits.idsPerCall + 1)
  @Matches(USER_ID_PATTERN, USER_IDS_RULE)
  userIds!: string[];
}

type Done = { done: true };

/** A chatroom as its details show it: the group and its first page of members. */
export interface ChatroomWithMembers {
  room: GroupInfoView;
  members: MemberProfile[];
}

export const MembershipCommands = {
  initializeRoster: declareCommand({
    subject: 'membership.roster.initialize',
    request: InitializeRosterCommand,
    reply: replyType<{ memberCount: number }>(),
  }),
  setCapacity: declareCommand({
    subject: 'membership.roster.set_capacity',
    request: SetRosterCapacityCommand,
    reply: replyType<{ capacity: number; memberCount: number }>(),
  }),
  purgeRoster: declareCommand({
    subject: 'membership.roster.purge',
    request: PurgeRosterCommand,
    reply: replyType<{ purged: true }>(),
  }),
  rolesOf: declareCommand({
    subject: 'membership.members.roles',
    request: RolesOfCommand,
    reply: replyType<Record<string, MemberRole>>(),
  }),
  getAccess: declareCommand({
    subject: 'membership.access.get',
    request: GetAccessCommand,
    reply: replyType<AccessView[]>(),
  }),
  /** A group as its readers see it (the record, the count, the caller's own record): answered by membership, which holds all but the record. */
  groupInfo: declareCommand({
    subject: 'membership.group.info',
    request: GroupIdCommand,
    reply: replyType<GroupInfoView>(),
  }),
  /**
   * Chatrooms with their first page of members (at most `Limits.memberPageMax`), in request order,
   * each once; ids of missing groups and of groups that are not chatrooms are left out.
   */
  chatroomDetails: declareCommand({
    subject: 'membership.chatrooms.details',
    request: GetGroupsCommand,
    reply: replyType<ChatroomWithMembers[]>(),
  }),

  listMembers: declareCommand({
    subject: 'membership.members.list',
    request: ListMembersCommand,
    reply: replyType<Page<MemberProfile>>(),
  }),
  /**
   * The recipients view for the app's message server (app admin only): members in join order with
   * what steers delivery to each (role, join time, mute and push modes, notification mute), keyset-paged.
   */
  recipients: declareCommand({
    subject: 'membership.members.recipients',
    request: ListMembersCommand,
    reply: replyType<Page<MemberView>>(),
  }),
  listMembersByPage: declareCommand({
    subject: 'membership.members.list_by_page',
    request: ListMembersByPageCommand,
    reply: replyType<Page<MemberProfile>>(),
  }),
  /** One member with the end of their mute and whether they are blocked; `not_found` when not a member. */
  getMember: declareCommand({
    subject: 'membership.members.get',
    request: GetMemberCommand,
    reply: replyType<MemberDetail>(),
  }),
  getProfiles: declareCommand({
    subject: 'membership.members.profiles',
    request: ProfilesCommand,
    reply: replyType<MemberProfile[]>(),
  }),
  listAdmins: declareCommand({
    subject: 'membership.admins.list',
    request: GroupIdArgs,
    reply: replyType<MemberProfile[]>(),
  }),
  addMembers: declareCommand({
    subject: 'membership.members.add',
    request: AddMembersCommand,
    reply: replyType<ItemResult[]>(),
  }),
  kickMembers: declareCommand({
    subject: 'membership.members.kick',
    request: KickMembersCommand,
    reply: replyType<ItemResult[]>(),
  }),
  leave: declareCommand({ subject: 'membership.members.leave', request: GroupIdArgs, reply: replyType<Done>() }),
  addAdmins: declareCommand({
    subject: 'membership.admins.add',
    request: AdminsCommand,
    reply: replyType<ItemResult[]>(),
  }),
  removeAdmins: declareCommand({
    subject: 'membership.admins.remove',
    request: AdminsCommand,
    reply: replyType<ItemResult[]>(),
  }),
  transferOwnership: declareCommand({
    subject: 'membership.owner.transfer',
    request: TransferOwnershipCommand,
    reply: replyType<Done>(),
  }),
  setDisplayName: declareCommand({
    subject: 'membership.member.display_name',
    request: SetDisplayNameCommand,
    reply: replyType<MemberView>(),
  }),
  setNotificationPrefs: declareCommand({
    subject: 'membership.member.notification_prefs',
    request: SetNotificationPrefsCommand,
    reply: replyType<MemberView>(),
  }),
  listJoined: declareCommand({
    subject: 'membership.joined.list',
    request: ListJoinedCommand,
    reply: replyType<Page<JoinedGroupView>>(),
  }),

  apply: declareCommand({
    subject: 'membership.application.apply',
    request: ApplyCommand,
    reply: replyType<{ outcome: JoinOutcome }>(),
  }),
  handleApplication: declareCommand({
    subject: 'membership.application.handle',
    request: HandleApplicationCommand,
    reply: replyType<{ outcome: JoinOutcome }>(),
  }),
  listApplications: declareCommand({
    subject: 'membership.application.list',
    request: ListApplicationsCommand,
    reply: replyType<Page<JoinRequestView>>(),
  }),
  invite: declareCommand({
    subject: 'membership.invitation.invite',
    request: InviteCommand,
    reply: replyType<ItemResult[]>(),
  }),
  handleInvitation: declareCommand({
    subject: 'membership.invitation.handle',
    request: HandleInvitationCommand,
    reply: replyType<{ outcome: JoinOutcome }>(),
  }),
  listInvitations: declareCommand({
    subject: 'membership.invitation.list',
    request: ListInvitationsCommand,
    reply: replyType<Page<InvitationView>>(),
  }),
  signQr: declareCommand({ subject: 'membership.qr.sign', request: GroupIdArgs, reply: replyType<QrInviteView>() }),
  redeemQr: declareCommand({
    subject: 'membership.qr.redeem',
    request: RedeemQrCommand,
    reply: replyType<{ groupId: string }>(),
  }),
  getInviteCode: declareCommand({
    subject: 'membership.code.get',
    request: GroupIdArgs,
    reply: replyType<{ code: string }>(),
  }),
  rotateInviteCode: declareCommand({
    subject: 'membership.code.rotate',
    request: GroupIdArgs,
    reply: replyType<{ code: string }>(),
  }),
  joinByCode: declareCommand({
    subject: 'membership.code.join',
    request: JoinByCodeCommand,
    reply: replyType<{ groupId: string }>(),
  }),
  /** The group an invite code joins: anyone of the app holding the code may see it (Mixin's `GET /codes/{id}`). */
  findByCode: declareCommand({
    subject: 'membership.code.find',
    request: JoinByCodeCommand,
    reply: replyType<{ groupId: string }>(),
  }),
  /** A group's first members by join time with their sessions, and its invite code (members only): a Mixin conversation's people. */
  /** App admins: memberships across the app's groups and chatrooms (the sum of their member counts). */
  stats: declareCommand({
    subject: 'membership.members.stats',
    request: EmptyCommand,
    reply: replyType<{ members: number }>(),
  }),
  participants: declareCommand({
    subject: 'membership.members.participants',
    request: ParticipantsCommand,
    reply: replyType<ParticipantsView>(),
  }),
};
