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
import type { GroupType } from '../groups/group.types';
import { EmptyCommand } from '../health/health.commands';
import { IsGroupId } from '../ids';
import { Limits, USER_ID_PATTERN } from '../limits';
import type { ItemResult, Page } from '../membership/member.types';
import type { ListedUser, MuteEntry, MuteResult } from './moderation.types';
import { SendCheckQuery, type SendDecision, type SendDecisionStats } from './send-decision';

const USER_IDS_RULE = { message: '$property must contain user ids', each: true };

export class GroupUsersQuery {
  @IsGroupId()
  groupId!: string;

  @IsArray()
  @ArrayMaxSize(Math.max(Limits.memberPageMax, Limits.idsPerCall))
  @Matches(USER_ID_PATTERN, USER_IDS_RULE)
  userIds!: string[];
}

/** A group as a moderation command names it (with the kind its route expects, if any). */
export class ModeratedGroup {
  @IsGroupId()
  groupId!: string;

  @IsOptional()
  @IsIn(['group', 'chatroom'])
  groupType?: GroupType;
}

/** 1..idsPerCall users of one group (Easemob's routes hold it to 60; more is refused whole, naming the limit). */
export class ModeratedUsers extends ModeratedGroup {
  @IsArray()
  @ArrayMinSize(1, { message: '$property must name at least one user' })
  @ArrayMaxSize(Limits.idsPerCall, { message: `$property may name at most ${Limits.idsPerCall} users per call` })
  @Matches(USER_ID_PATTERN, USER_IDS_RULE)
  userIds!: string[];
}

export class MuteCommand extends ModeratedUsers {
  /** Milliseconds; -1 permanent; 0 lifts the mutes. */
  @IsInt()
  @Min(-1)
  @Max(Limits.muteDurationMaxMs)
  durationMs!: number;

  /**
   * Easemob's rule: one target that is not a member, or the owner, refuses the whole request
   * (nothing changes). Otherwise (the /group dialect) each target has its own result.
   */
  @IsOptional()
  @IsBoolean()
  wholeRequest?: boolean;
}

export class UnmuteCommand extends ModeratedUsers {}

export class ListModeratedCommand extends ModeratedGroup {
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @IsInt()
  @Min(1)
  @Max(Limits.memberPageMax)
  limit!: number;
}

/** The moderation service's commands (`moderation.<entity>.<verb>`). */
export const ModerationCommands = {
  /** Which of these users are on the group's blocklist: every join path asks before admitting. */
  blockedAmong: declareCommand({
    subject: 'moderation.blocks.among',
    request: GroupUsersQuery,
    reply: replyType<string[]>(),
  }),
  /** The end of each listed user's current mute (ms, -1 permanent); users not muted are absent. */
  muteEnds: declareCommand({
    subject: 'moderation.mutes.ends',
    request: GroupUsersQuery,
    reply: replyType<Record<string, number>>(),
  }),
  /** Mutes (or, with duration 0, lifts the mutes of) members: admins; never the owner; admins not admins. */
  mute: declareCommand({ subject: 'moderation.mutes.mute', request: MuteCommand, reply: replyType<MuteResult[]>() }),
  unmute: declareCommand({
    subject: 'moderation.mutes.unmute',
    request: UnmuteCommand,
    reply: replyType<MuteResult[]>(),
  }),
  listMutes: declareCommand({
    subject: 'moderation.mutes.list',
    request: ListModeratedCommand,
    reply: replyType<Page<MuteEntry>>(),
  }),
  /** Blocks members (they are removed at once, and cannot come back by any path until unblocked). */
  block: declareCommand({
    subject: 'moderation.blocks.block',
    request: ModeratedUsers,
    reply: replyType<ItemResult[]>(),
  }),
  unblock: declareCommand({
    subject: 'moderation.blocks.unblock',
    request: ModeratedUsers,
    reply: replyType<ItemResult[]>(),
  }),
  listBlocked: declareCommand({
    subject: 'moderation.blocks.list',
    request: ListModeratedCommand,
    reply: replyType<Page<ListedUser>>(),
  }),
  /** Puts members on the allowlist (they may send under mute-all; an individual mute still holds). */
  allow: declareCommand({
    subject: 'moderation.allows.allow',
    request: ModeratedUsers,
    reply: replyType<ItemResult[]>(),
  }),
  disallow: declareCommand({
    subject: 'moderation.allows.disallow',
    request: ModeratedUsers,
    reply: replyType<ItemResult[]>(),
  }),
  listAllowed: declareCommand({
    subject: 'moderation.allows.list',
    request: ListModeratedCommand,
    reply: replyType<Page<ListedUser>>(),
  }),
  /**
   * The send decision (app admins only): answered from each moderation instance's cache, kept
   * right by events (docs/send-decision.md). Its responder is not a Nest handler: it shares the
   * NATS connection of the cache's event subscription, so an event published before a change's
   * reply is applied before the next decision.
   */
  sendCheck: declareCommand({
    subject: 'moderation.send.check',
    request: SendCheckQuery,
    reply: replyType<SendDecision>(),
  }),
  /** The answering instance's send-decision counters (app admins only): for operators and the benchmark. */
  sendStats: declareCommand({
    subject: 'moderation.send.stats',
    request: EmptyCommand,
    reply: replyType<SendDecisionStats>(),
  }),
};
