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

import type { ItemResult } from '../common/batch';
import { GroupIdCommand } from '../common/group-id.command';
import { GroupUsersBatch } from '../common/group-users';
import { type Page, Paged, WithCursor } from '../common/paging';
import { declareCommand, replyType } from '../declare';
import type { LeaveHow } from '../events';
import { GetGroupsCommand } from '../groups/group.commands';
import { GROUP_TYPES, type GroupInfoView, type GroupType } from '../groups/group.types';
import { EmptyCommand } from '../health/health.commands';
import { IsGroupId, IsUserId } from '../ids';
import { Limits } from '../limits';
import {
  type AccessView,
  type ConversationView,
  type InvitationView,
  type JoinedGroupView,
  type JoinOutcome,
  type JoinRequestView,
  type MemberDetail,
  type MemberProfile,
  type MemberRole,
  type MemberView,
  MsgMuteMode,
  MsgPushMode,
  type QrInviteView,
} from './member.types';

/** The ways out a kick may name: `blocked` when moderation removes the users it just blocked. */
const KICK_HOWS = ['kicked', 'blocked'] as const satisfies readonly LeaveHow[];

/** Creates the roster of a new group: idempotent, keyed by group id (create saga step). */
export class InitializeRosterCommand {
  @IsGroupId()
  groupId!: string;

  @IsOptional()
  @IsIn(GROUP_TYPES)
  type?: GroupType;

  @IsUserId()
  ownerId!: string;

  @IsArray()
  @ArrayMaxSize(Limits.capacityCeiling)
  @IsUserId({ each: true })
  memberIds!: string[];

  @IsInt()
  @Min(1)
  @Max(Limits.capacityCeiling)
  capacity!: number;
}

export class PurgeRosterCommand extends GroupIdCommand {}

/** The roster's capacity: refused below the current member count (atomically). */
export class SetRosterCapacityCommand extends GroupIdCommand {
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
  @IsUserId()
  userId?: string;
}

/** A conversation with a page of its members and their sessions (at most Limits.membersWithSessionsPage). */
export class ConversationCommand extends WithCursor(GroupIdCommand) {}

export class ListMembersCommand extends Paged(Limits.memberPageMax, GroupIdCommand) {
  /** Also whether moderation blocks each member (`blocked`). */
  @IsOptional()
  @IsBoolean()
  withBlocked?: boolean;
}

export class GroupInfoCommand extends GroupIdCommand {
  @IsOptional()
  @IsBoolean()
  withAnnouncement?: boolean;
}

/** Page-number paging (offset, for dialects that speak page numbers): page 1 first. */
export class ListMembersByPageCommand extends GroupIdCommand {
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
export class GetMemberCommand extends GroupIdCommand {
  @IsUserId()
  userId!: string;
}

/** Direct adds: no acceptance needed (a dialect may hold the batch lower). */
export class AddMembersCommand extends GroupUsersBatch(Limits.idsPerCall) {}
/** Kicks (a dialect may hold the batch lower). */
export class KickMembersCommand extends GroupUsersBatch(Limits.idsPerCall) {
  @IsOptional()
  @IsIn(KICK_HOWS)
  how?: (typeof KICK_HOWS)[number];
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

export class TransferOwnershipCommand extends GroupIdCommand {
  @IsUserId()
  newOwnerId!: string;
}

export class SetDisplayNameCommand extends GroupIdCommand {
  @IsString()
  @MaxLength(Limits.displayName)
  displayName!: string;
}

/** The caller's own notification preferences in one group; at least one field. */
export class SetNotificationPrefsCommand extends GroupIdCommand {
  @IsOptional()
  @IsIn(Object.values(MsgMuteMode))
  msgMuteMode?: MsgMuteMode;

  @IsOptional()
  @IsIn(Object.values(MsgPushMode))
  msgPushMode?: MsgPushMode;

  /** Seconds from now; 0 unmutes. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Limits.notificationMuteSecondsMax)
  notificationsMutedForSeconds?: number;
}

export class ListJoinedCommand {
  /** Whose groups; absent: the caller's own. */
  @IsOptional()
  @IsUserId()
  userId?: string;

  @IsOptional()
  @IsIn(GROUP_TYPES)
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

  /** With each group's name (groups destroyed meanwhile left out of the page). */
  @IsOptional()
  @IsBoolean()
  withNames?: boolean;
}

export class ApplyCommand extends GroupIdCommand {
  @IsOptional()
  @IsString()
  @MaxLength(Limits.reason)
  reason?: string;
}

export class HandleJoinRequestCommand extends GroupIdCommand {
  @IsUserId()
  applicantId!: string;

  @IsBoolean()
  approve!: boolean;
}

export class ListJoinRequestsCommand extends Paged(Limits.memberPageMax) {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Limits.idsPerCall)
  @IsGroupId({ each: true })
  groupIds!: string[];
}

export class HandleInvitationCommand extends GroupIdCommand {
  /** Answer only this inviter's invitation; absent: every pending invitation to the group. */
  @IsOptional()
  @IsUserId()
  inviterId?: string;

  @IsBoolean()
  accept!: boolean;
}

export class ListInvitationsCommand extends Paged(Limits.memberPageMax) {
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

export class ConversationByCodeCommand extends WithCursor(JoinByCodeCommand) {}

/** The roles of the listed users who are members (moderation's rules ask before acting). */
export class RolesOfCommand extends GroupIdCommand {
  @IsArray()
  @ArrayMaxSize(Limits.idsPerCall + 1)
  @IsUserId({ each: true })
  userIds!: string[];
}

type Done = { done: true };

/** A chatroom as its details show it: the group and its first page of members. */
export interface ChatroomWithMembers {
  room: GroupInfoView;
  members: MemberProfile[];
}

export const MembershipCommands = {
  initializeRoster: declareCommand(
    'membership.roster.initialize',
    InitializeRosterCommand,
    replyType<{ memberCount: number }>(),
  ),
  setCapacity: declareCommand(
    'membership.roster.set_capacity',
    SetRosterCapacityCommand,
    replyType<{ capacity: number; memberCount: number }>(),
  ),
  purgeRoster: declareCommand('membership.roster.purge', PurgeRosterCommand, replyType<{ purged: true }>()),
  rolesOf: declareCommand('membership.members.roles', RolesOfCommand, replyType<Record<string, MemberRole>>()),
  getAccess: declareCommand('membership.access.get', GetAccessCommand, replyType<AccessView[]>()),
  /** A group as its readers see it (the record, the count, the caller's own record): answered by membership, which holds all but the record. */
  groupInfo: declareCommand('membership.group.info', GroupInfoCommand, replyType<GroupInfoView>()),
  /**
   * A conversation in one answer: the group (of kind `group`), a page of its members with their
   * sessions (so that an answer fits a NATS message), the invite code and the current announcement;
   * members only.
   */
  conversation: declareCommand('membership.conversation.get', ConversationCommand, replyType<ConversationView>()),
  /**
   * Chatrooms with their first page of members (at most `Limits.memberPageMax`), in request order,
   * each once; ids of missing groups and of groups that are not chatrooms are left out.
   */
  chatroomDetails: declareCommand('membership.chatrooms.details', GetGroupsCommand, replyType<ChatroomWithMembers[]>()),

  listMembers: declareCommand('membership.members.list', ListMembersCommand, replyType<Page<MemberProfile>>()),
  /**
   * The recipients view for the app's message server (app admin only): members in join order with
   * what steers delivery to each (role, join time, mute and push modes, notification mute), keyset-paged.
   */
  recipients: declareCommand('membership.members.recipients', ListMembersCommand, replyType<Page<MemberView>>()),
  listMembersByPage: declareCommand(
    'membership.members.list_by_page',
    ListMembersByPageCommand,
    replyType<Page<MemberProfile>>(),
  ),
  /** One member with the end of their mute and whether they are blocked; `not_found` when not a member. */
  getMember: declareCommand('membership.members.get', GetMemberCommand, replyType<MemberDetail>()),
  getProfiles: declareCommand('membership.members.profiles', ProfilesCommand, replyType<MemberProfile[]>()),
  listAdmins: declareCommand('membership.admins.list', GroupIdCommand, replyType<MemberProfile[]>()),
  addMembers: declareCommand('membership.members.add', AddMembersCommand, replyType<ItemResult[]>()),
  kickMembers: declareCommand('membership.members.kick', KickMembersCommand, replyType<ItemResult[]>()),
  leave: declareCommand('membership.members.leave', GroupIdCommand, replyType<Done>()),
  addAdmins: declareCommand('membership.admins.add', AdminsCommand, replyType<ItemResult[]>()),
  removeAdmins: declareCommand('membership.admins.remove', AdminsCommand, replyType<ItemResult[]>()),
  transferOwnership: declareCommand('membership.owner.transfer', TransferOwnershipCommand, replyType<Done>()),
  setDisplayName: declareCommand('membership.member.display_name', SetDisplayNameCommand, replyType<MemberView>()),
  setNotificationPrefs: declareCommand(
    'membership.member.notification_prefs',
    SetNotificationPrefsCommand,
    replyType<MemberView>(),
  ),
  listJoined: declareCommand('membership.joined.list', ListJoinedCommand, replyType<Page<JoinedGroupView>>()),

  apply: declareCommand('membership.application.apply', ApplyCommand, replyType<{ outcome: JoinOutcome }>()),
  handleJoinRequest: declareCommand(
    'membership.application.handle',
    HandleJoinRequestCommand,
    replyType<{ outcome: JoinOutcome }>(),
  ),
  listJoinRequests: declareCommand(
    'membership.application.list',
    ListJoinRequestsCommand,
    replyType<Page<JoinRequestView>>(),
  ),
  invite: declareCommand('membership.invitation.invite', InviteCommand, replyType<ItemResult[]>()),
  handleInvitation: declareCommand(
    'membership.invitation.handle',
    HandleInvitationCommand,
    replyType<{ outcome: JoinOutcome }>(),
  ),
  listInvitations: declareCommand(
    'membership.invitation.list',
    ListInvitationsCommand,
    replyType<Page<InvitationView>>(),
  ),
  signQr: declareCommand('membership.qr.sign', GroupIdCommand, replyType<QrInviteView>()),
  redeemQr: declareCommand('membership.qr.redeem', RedeemQrCommand, replyType<{ groupId: string }>()),
  getInviteCode: declareCommand('membership.code.get', GroupIdCommand, replyType<{ code: string }>()),
  rotateInviteCode: declareCommand('membership.code.rotate', GroupIdCommand, replyType<{ code: string }>()),
  joinByCode: declareCommand('membership.code.join', JoinByCodeCommand, replyType<{ groupId: string }>()),
  /** The conversation an invite code joins, to anyone of the app holding the code: the code, not a membership, lets its holder read it. */
  conversationByCode: declareCommand(
    'membership.conversation.by_code',
    ConversationByCodeCommand,
    replyType<ConversationView>(),
  ),
  /** App admins: memberships across the app's groups and chatrooms (the sum of their member counts). */
  stats: declareCommand('membership.members.stats', EmptyCommand, replyType<{ members: number }>()),
};
