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

import { GroupIdCommand } from '../common/group-id.command';
import { type CursorPage, type Page, Paged } from '../common/paging';
import { PERMANENT } from '../common/until';
import { declareCommand, replyType } from '../declare';
import { EmptyCommand } from '../health/health.commands';
import { IsGroupId, IsUserId } from '../ids';
import { Limits, UUID_PATTERN } from '../limits';
import {
  ApprovalPolicy,
  GROUP_TYPES,
  type GroupInfoView,
  type GroupSearchPage,
  type GroupStatsView,
  type GroupType,
  type GroupView,
} from './group.types';

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
  @IsIn(GROUP_TYPES)
  type!: GroupType;

  /**
   * A UUID the creator chose (the dialects whose ids are UUIDs); absent: a generated numeric id. Creating
   * it again by the same creator answers the existing group; by anyone else, `conflict`.
   */
  @IsOptional()
  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  groupId?: string;

  /** Required when an app admin creates without acting as a user; ignored otherwise. */
  @IsOptional()
  @IsUserId()
  ownerId?: string;

  @IsArray()
  @ArrayMaxSize(Limits.capacityCeiling)
  @IsUserId({ each: true })
  memberIds!: string[];

  /** The gateway holds it to the app's ceiling (Limits.maxCapacity unless the app's config raises it). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Limits.capacityCeiling)
  capacity?: number;
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
  @IsIn(GROUP_TYPES)
  groupType?: GroupType;
}

export class UpdateGroupSettingsCommand extends GroupIdCommand {
  @IsOptional()
  @IsIn(Object.values(ApprovalPolicy))
  applyApproval?: ApprovalPolicy;

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
  /** Milliseconds, as a member's mute takes them: PERMANENT (-1), 0 lifts, > 0 that long. */
  @IsInt()
  @Min(PERMANENT)
  @Max(Limits.muteDurationMaxMs)
  durationMs!: number;
}

export class SetCapacityCommand extends GroupIdCommand {
  /** The gateway holds it to the app's ceiling; below the current member count is refused. */
  @IsInt()
  @Min(1)
  @Max(Limits.capacityCeiling)
  capacity!: number;
}

export class ListChatroomsCommand extends Paged(Limits.chatroomListPageMax) {}

/** A page of the app's public ids (newest first). */
export class ListPublicCommand extends Paged(Limits.publicListMax) {}

export class SuperAdminCommand {
  @IsUserId()
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
export class SearchGroupsCommand extends Paged(GROUP_SEARCH_PAGE_MAX) {
  /** Exactly this group. */
  @IsOptional()
  @IsGroupId()
  groupId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(Limits.groupName)
  name?: string;

  @IsOptional()
  @IsUserId()
  ownerId?: string;

  @IsOptional()
  @IsIn(GROUP_TYPES)
  type?: GroupType;
}

export const GroupCommands = {
  create: declareCommand('groups.group.create', CreateGroupCommand, replyType<GroupInfoView>()),
  /** The active group record, for other services' rules (no read permission check, no member data). */
  state: declareCommand('groups.group.state', GroupIdCommand, replyType<GroupView>()),
  getMany: declareCommand('groups.group.get_many', GetGroupsCommand, replyType<GroupInfoView[]>()),
  updateProfile: declareCommand('groups.group.update_profile', UpdateGroupProfileCommand, replyType<GroupView>()),
  updateSettings: declareCommand('groups.group.update_settings', UpdateGroupSettingsCommand, replyType<GroupView>()),
  setCapacity: declareCommand('groups.group.set_capacity', SetCapacityCommand, replyType<GroupView>()),
  /** Chatrooms oldest first; a cursor visits every one exactly once while others are created (no caller record: `callerMember` null). */
  listChatrooms: declareCommand('groups.chatroom.list', ListChatroomsCommand, replyType<Page<GroupInfoView>>()),
  listPublic: declareCommand('groups.group.list_public', ListPublicCommand, replyType<CursorPage<string>>()),
  addSuperAdmin: declareCommand('groups.super_admin.add', SuperAdminCommand, replyType<{ added: boolean }>()),
  removeSuperAdmin: declareCommand('groups.super_admin.remove', SuperAdminCommand, replyType<{ removed: true }>()),
  listSuperAdmins: declareCommand('groups.super_admin.list', ListSuperAdminsCommand, replyType<Page<string>>()),
  setMuteAll: declareCommand('groups.group.set_mute_all', SetMuteAllCommand, replyType<GroupView>()),
  /** App admins: the app's active groups and chatrooms, newest first, keyset-paged (no total: a search would count by scanning). */
  search: declareCommand('groups.group.search', SearchGroupsCommand, replyType<GroupSearchPage>()),
  stats: declareCommand('groups.group.stats', EmptyCommand, replyType<GroupStatsView>()),
  destroy: declareCommand('groups.group.destroy', GroupIdCommand, replyType<{ destroyed: true }>()),
};
