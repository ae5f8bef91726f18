import {
  ArrayMaxSize,
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
import { EmptyCommand } from '../health/health.commands';
import { IsGroupId } from '../ids';
import { Limits, USER_ID_PATTERN, UUID_PATTERN } from '../limits';
import type { Page } from '../membership/member.types';
import type {
  ApplyApproval,
  GroupInfoView,
  GroupSearchPage,
  GroupStatsView,
  GroupType,
  GroupView,
} from './group.types';

const USER_ID_RULE = { message: '$property must contain user ids (1..64 chars of [A-Za-z0-9_.@:-])', each: true };

/** The editable profile of a group (Limits; chatroom names are checked by type). */
export class GroupProfileFields {
  @IsOptional()
  @IsString()
  @MaxLength(Limits.groupName)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(Limits.description)
  description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(Limits.avatarUrl)
  avatar?: string;

  @IsOptional()
  @IsString()
  @MaxLength(Limits.ext)
  ext?: string;
}

export class CreateGroupCommand extends GroupProfileFields {
  @IsIn(['group', 'chatroom'])
  type!: GroupType;

  /**
   * A UUID the creator chose (a Mixin conversation id); absent: a generated numeric id. Creating
   * it again by the same creator answers the existing group; by anyone else, `conflict`.
   */
  @IsOptional()
  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  groupId?: string;

  /** Required when an app admin creates without acting as a user; ignored otherwise. */
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: '$property must be a user id' })
  ownerId?: string;

  @IsArray()
  @ArrayMaxSize(Limits.capacityCeiling)
  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  memberIds!: string[];

  /** The gateway holds it to the app's ceiling (Limits.maxCapacity unless the app's config raises it). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Limits.capacityCeiling)
  capacity?: number;
}

export class GroupIdCommand {
  @IsGroupId()
  groupId!: string;

  /** Set by dialects whose routes name one kind (Easemob `/chatrooms/...`): another kind is not found. */
  @IsOptional()
  @IsIn(['group', 'chatroom'])
  groupType?: GroupType;
}

export class GetGroupsCommand {
  @IsArray()
  @ArrayMaxSize(Limits.idsPerCall)
  @IsGroupId({ each: true })
  groupIds!: string[];
}

export class UpdateGroupProfileCommand extends GroupProfileFields {
  @IsGroupId()
  groupId!: string;

  /** As in GroupIdCommand: the kind the route names, if any. */
  @IsOptional()
  @IsIn(['group', 'chatroom'])
  groupType?: GroupType;
}

export class UpdateGroupSettingsCommand extends GroupIdCommand {
  @IsOptional()
  @IsIn([0, 1, 2])
  applyApproval?: ApplyApproval;

  @IsOptional()
  @IsBoolean()
  memberInvite?: boolean;

  @IsOptional()
  @IsBoolean()
  memberModify?: boolean;

  @IsOptional()
  @IsBoolean()
  readAck?: boolean;

  @IsOptional()
  @IsBoolean()
  historyVisible?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Limits.disappearSecondsMax)
  disappearSeconds?: number;
}

export class SetMuteAllCommand extends GroupIdCommand {
  /** Minutes, as /group/settings/ban_all takes them: -1 permanent, 0 lifts, > 0 that long. */
  @IsInt()
  @Min(-1)
  @Max(525_600 * 100)
  durationMinutes!: number;
}

export class SetCapacityCommand extends GroupIdCommand {
  /** The gateway holds it to the app's ceiling; below the current member count is refused. */
  @IsInt()
  @Min(1)
  @Max(Limits.capacityCeiling)
  capacity!: number;
}

export class ListChatroomsCommand {
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @IsInt()
  @Min(1)
  @Max(Limits.chatroomListPageMax)
  limit!: number;
}

/** A page of the app's public ids (newest first): `/group/public_list` reads them all, a page at a time. */
export class ListPublicCommand {
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @IsInt()
  @Min(1)
  @Max(Limits.publicListMax)
  limit!: number;
}

export class SuperAdminCommand {
  @Matches(USER_ID_PATTERN, { message: '$property must be a user id' })
  userId!: string;
}

export class ListSuperAdminsCommand {
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  pageNumber!: number;

  @IsInt()
  @Min(1)
  @Max(Limits.superAdminPageMax)
  pageSize!: number;
}

export const GROUP_SEARCH_PAGE_MAX = 100;

/** The app's groups and chatrooms for its admin, newest first; the filters hold together. */
export class SearchGroupsCommand {
  /** Exactly this group. */
  @IsOptional()
  @IsGroupId()
  groupId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(Limits.groupName)
  name?: string;

  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: '$property must be a user id' })
  ownerId?: string;

  @IsOptional()
  @IsIn(['group', 'chatroom'])
  type?: GroupType;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @IsInt()
  @Min(1)
  @Max(GROUP_SEARCH_PAGE_MAX)
  limit!: number;
}

export const GroupCommands = {
  create: declareCommand({
    subject: 'groups.group.create',
    request: CreateGroupCommand,
    reply: replyType<GroupInfoView>(),
  }),
  /** The active group record, for other services' rules (no read permission check, no member data). */
  state: declareCommand({ subject: 'groups.group.state', request: GroupIdCommand, reply: replyType<GroupView>() }),
  getMany: declareCommand({
    subject: 'groups.group.get_many',
    request: GetGroupsCommand,
    reply: replyType<GroupInfoView[]>(),
  }),
  updateProfile: declareCommand({
    subject: 'groups.group.update_profile',
    request: UpdateGroupProfileCommand,
    reply: replyType<GroupView>(),
  }),
  updateSettings: declareCommand({
    subject: 'groups.group.update_settings',
    request: UpdateGroupSettingsCommand,
    reply: replyType<GroupView>(),
  }),
  setCapacity: declareCommand({
    subject: 'groups.group.set_capacity',
    request: SetCapacityCommand,
    reply: replyType<GroupView>(),
  }),
  /** Chatrooms oldest first; a cursor visits every one exactly once while others are created. */
  listChatrooms: declareCommand({
    subject: 'groups.chatroom.list',
    request: ListChatroomsCommand,
    reply: replyType<Page<GroupInfoView>>(),
  }),
  listPublic: declareCommand({
    subject: 'groups.group.list_public',
    request: ListPublicCommand,
    reply: replyType<{ items: string[]; cursor: string | null }>(),
  }),
  addSuperAdmin: declareCommand({
    subject: 'groups.super_admin.add',
    request: SuperAdminCommand,
    reply: replyType<{ added: boolean }>(),
  }),
  removeSuperAdmin: declareCommand({
    subject: 'groups.super_admin.remove',
    request: SuperAdminCommand,
    reply: replyType<{ removed: true }>(),
  }),
  listSuperAdmins: declareCommand({
    subject: 'groups.super_admin.list',
    request: ListSuperAdminsCommand,
    reply: replyType<Page<string>>(),
  }),
  setMuteAll: declareCommand({
    subject: 'groups.group.set_mute_all',
    request: SetMuteAllCommand,
    reply: replyType<GroupView>(),
  }),
  /** App admins: the app's active groups and chatrooms, newest first, keyset-paged (no total: a search would count by scanning). */
  search: declareCommand({
    subject: 'groups.group.search',
    request: SearchGroupsCommand,
    reply: replyType<GroupSearchPage>(),
  }),
  stats: declareCommand({ subject: 'groups.group.stats', request: EmptyCommand, reply: replyType<GroupStatsView>() }),
  destroy: declareCommand({
    subject: 'groups.group.destroy',
    request: GroupIdCommand,
    reply: replyType<{ destroyed: true }>(),
  }),
};
