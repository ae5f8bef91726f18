import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

import type { ItemResult } from '../common/batch';
import { GroupIdCommand } from '../common/group-id.command';
import { GroupUsersBatch } from '../common/group-users';
import { type Page, Paged } from '../common/paging';
import { PERMANENT } from '../common/until';
import { declareCommand, replyType } from '../declare';
import { EmptyCommand } from '../health/health.commands';
import { IsGroupId, IsUserId } from '../ids';
import { Limits } from '../limits';
import type { ListedUser, MuteEntry, MuteResult } from './moderation.types';
import { SendCheckQuery, type SendDecision, type SendDecisionStats } from './send-decision';

export class GroupUsersQuery {
  @IsGroupId()
  groupId!: string;

  @IsArray()
  @ArrayMaxSize(Math.max(Limits.memberPageMax, Limits.idsPerCall))
  @IsUserId({ each: true })
  userIds!: string[];
}

/** 1..idsPerCall users of one group (a dialect may hold it lower); more is refused whole, naming the limit. */
export class ModeratedUsers extends GroupUsersBatch(Limits.idsPerCall) {}

export class MuteCommand extends ModeratedUsers {
  /** Milliseconds; PERMANENT (-1); 0 lifts the mutes. */
  @IsInt()
  @Min(PERMANENT)
  @Max(Limits.muteDurationMaxMs)
  durationMs!: number;

  /**
   * All or nothing: one target that is not a member, or the owner, refuses the whole request
   * (nothing changes). Otherwise each target has its own result.
   */
  @IsOptional()
  @IsBoolean()
  allOrNothing?: boolean;
}

export class UnmuteCommand extends ModeratedUsers {}

export class ListModeratedCommand extends Paged(Limits.memberPageMax, GroupIdCommand) {}

export class ListMutesCommand extends ListModeratedCommand {
  /** Also each muted user's name and join time in the group (membership's, kept by moderation). */
  @IsOptional()
  @IsBoolean()
  withMembers?: boolean;
}

/** The moderation service's commands (`moderation.<entity>.<verb>`). */
export const ModerationCommands = {
  /** Which of these users are on the group's blocklist: every join path asks before admitting. */
  blockedAmong: declareCommand('moderation.blocks.among', GroupUsersQuery, replyType<string[]>()),
  /** The end of each listed user's current mute (ms, -1 permanent); users not muted are absent. */
  muteEnds: declareCommand('moderation.mutes.ends', GroupUsersQuery, replyType<Record<string, number>>()),
  /** Mutes (or, with duration 0, lifts the mutes of) members: admins; never the owner; admins not admins. */
  mute: declareCommand('moderation.mutes.mute', MuteCommand, replyType<MuteResult[]>()),
  unmute: declareCommand('moderation.mutes.unmute', UnmuteCommand, replyType<MuteResult[]>()),
  listMutes: declareCommand('moderation.mutes.list', ListMutesCommand, replyType<Page<MuteEntry>>()),
  /** Blocks members (they are removed at once, and cannot come back by any path until unblocked). */
  block: declareCommand('moderation.blocks.block', ModeratedUsers, replyType<ItemResult[]>()),
  unblock: declareCommand('moderation.blocks.unblock', ModeratedUsers, replyType<ItemResult[]>()),
  listBlocked: declareCommand('moderation.blocks.list', ListModeratedCommand, replyType<Page<ListedUser>>()),
  /** Puts members on the allowlist (they may send under mute-all; an individual mute still holds). */
  allow: declareCommand('moderation.allows.allow', ModeratedUsers, replyType<ItemResult[]>()),
  disallow: declareCommand('moderation.allows.disallow', ModeratedUsers, replyType<ItemResult[]>()),
  listAllowed: declareCommand('moderation.allows.list', ListModeratedCommand, replyType<Page<ListedUser>>()),
  /**
   * The send decision (app admins only): answered from each moderation instance's cache, kept
   * right by events (docs/send-decision.md). Its responder is not a Nest handler: it shares the
   * NATS connection of the cache's event subscription, so an event published before a change's
   * reply is applied before the next decision.
   */
  sendCheck: declareCommand('moderation.send.check', SendCheckQuery, replyType<SendDecision>()),
  /** The answering instance's send-decision counters (app admins only): for operators and the benchmark. */
  sendStats: declareCommand('moderation.send.stats', EmptyCommand, replyType<SendDecisionStats>()),
};
