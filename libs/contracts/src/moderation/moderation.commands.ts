import { ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { declareCommand, replyType } from '../declare';
import { Limits, NUMERIC_ID_PATTERN, USER_ID_PATTERN } from '../limits';

export class GroupUsersQuery {
  @Matches(NUMERIC_ID_PATTERN, { message: '$property must be a group id (decimal digits)' })
  groupId!: string;

  @IsArray()
  @ArrayMaxSize(Limits.memberPageMax)
  @Matches(USER_ID_PATTERN, { message: '$property must contain user ids', each: true })
  userIds!: string[];
}

/** The moderation service's commands (`moderation.<entity>.<verb>`). */
export const ModerationCommands = {
  /** Which of these users are on the group's blocklist: every join path asks before admitting. */
  blockedAmong: declareCommand({ subject: 'moderation.blocks.among', request: GroupUsersQuery, reply: replyType<string[]>() }),
  /** The end of each listed user's current mute (ms, -1 permanent); users not muted are absent. */
  muteEnds: declareCommand({ subject: 'moderation.mutes.ends', request: GroupUsersQuery, reply: replyType<Record<string, number>>() }),
};
