import { Limits, USER_ID_PATTERN } from '@cohort/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Matches, Max, Min } from 'class-validator';

import { MUTE_MINUTES_MAX as MAX_MINUTES } from '../../mute-minutes';

const USER_IDS = { each: true, message: 'must contain user ids (1..64 chars of [A-Za-z0-9_.@:-])' };

export class AdminUsersBody {
  @ApiProperty({ type: [String], minItems: 1, maxItems: Limits.batchMemberOps, description: 'The users' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one user' })
  @ArrayMaxSize(Limits.batchMemberOps, { message: `may name at most ${Limits.batchMemberOps} users per call` })
  @Matches(USER_ID_PATTERN, USER_IDS)
  userIds!: string[];
}

export class AdminMuteBody extends AdminUsersBody {
  @ApiProperty({
    type: 'integer',
    minimum: -1,
    maximum: MAX_MINUTES,
    description: 'Minutes; -1 permanent (0 is refused: unmute lifts a mute)',
  })
  @IsInt({ message: `must be an integer from -1 to ${MAX_MINUTES}, not 0` })
  @Min(-1, { message: `must be an integer from -1 to ${MAX_MINUTES}, not 0` })
  @Max(MAX_MINUTES, { message: `must be an integer from -1 to ${MAX_MINUTES}, not 0` })
  durationMinutes!: number;
}

export class AdminTransferBody {
  @ApiProperty({ description: 'The member who becomes the owner', pattern: USER_ID_PATTERN.source })
  @Matches(USER_ID_PATTERN, { message: 'must be a user id' })
  newOwnerId!: string;
}

export class AdminMuteAllBody {
  @ApiProperty({ type: 'integer', minimum: -1, description: 'Minutes; -1 permanent; 0 lifts mute-all' })
  @IsInt({ message: 'must be an integer: minutes, -1 permanent, 0 off' })
  @Min(-1, { message: 'must be an integer: minutes, -1 permanent, 0 off' })
  @Max(MAX_MINUTES, { message: 'must be at most 100 years of minutes' })
  durationMinutes!: number;
}

export class AdminCapacityBody {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: "The most members; at least the current count, at most the app's capacity ceiling",
  })
  @IsInt({ message: 'must be a positive integer' })
  @Min(1, { message: 'must be a positive integer' })
  capacity!: number;
}
