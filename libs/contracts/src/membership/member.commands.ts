import { ArrayMaxSize, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { declareCommand, replyType } from '../declare';
import { Limits, NUMERIC_ID_PATTERN, USER_ID_PATTERN } from '../limits';
import type { AccessView } from './member.types';

const GROUP_ID_RULE = { message: '$property must be a group id (decimal digits)' };
const USER_ID_RULE = { message: '$property must be a user id (1..64 chars of [A-Za-z0-9_.@:-])' };

/** Creates the roster of a new group: idempotent, keyed by group id (create saga step). */
export class InitializeRosterCommand {
  @Matches(NUMERIC_ID_PATTERN, GROUP_ID_RULE)
  groupId!: string;

  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  ownerId!: string;

  @IsArray()
  @ArrayMaxSize(Limits.maxCapacity)
  @Matches(USER_ID_PATTERN, { ...USER_ID_RULE, each: true })
  memberIds!: string[];

  @IsInt() @Min(1) @Max(Limits.maxCapacity * 10)
  capacity!: number;
}

export class PurgeRosterCommand {
  @Matches(NUMERIC_ID_PATTERN, GROUP_ID_RULE)
  groupId!: string;
}

export class GetAccessCommand {
  @IsArray()
  @ArrayMaxSize(Limits.batchGroupInfo)
  @Matches(NUMERIC_ID_PATTERN, { ...GROUP_ID_RULE, each: true })
  groupIds!: string[];

  @IsOptional()
  @Matches(USER_ID_PATTERN, USER_ID_RULE)
  userId?: string;
}

/** The membership service's commands (`membership.<entity>.<verb>`). */
export const MembershipCommands = {
  initializeRoster: declareCommand({
    subject: 'membership.roster.initialize',
    request: InitializeRosterCommand,
    reply: replyType<{ memberCount: number }>(),
  }),
  purgeRoster: declareCommand({ subject: 'membership.roster.purge', request: PurgeRosterCommand, reply: replyType<{ purged: true }>() }),
  getAccess: declareCommand({ subject: 'membership.access.get', request: GetAccessCommand, reply: replyType<AccessView[]>() }),
};
