import { Limits, UUID_PATTERN } from '@cohort/contracts';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { Shaped } from '../../../http/shaped';
import { IsSafeEd25519PublicKey } from '../session-key';
import { isParticipantList, type ParticipantRef, participantsSchema } from './participants';

/** A conversation's name and announcement limits (Mixin's). */
const NAME_MAX = Limits.groupName;
const ANNOUNCEMENT_MAX = 1024;
/** Participants a conversation may be created with: the app's ceiling decides (the groups service refuses beyond it). */
export const CREATION_PARTICIPANTS_MAX = Limits.capacityCeiling - 1;

/** POST /conversations */
export class CreateConversationBody {
  @ApiProperty({ enum: ['GROUP'], description: 'Only group conversations are created here' })
  @IsIn(['GROUP'], { message: 'must be GROUP' })
  category!: 'GROUP';

  @ApiProperty({ description: 'The id the creator chose: a lower-case UUID' })
  @Matches(UUID_PATTERN, { message: 'must be a lower-case UUID' })
  conversation_id!: string;

  @ApiPropertyOptional({ description: `At most ${NAME_MAX} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  name?: string;

  // Go clients drop an empty list (`omitempty`): absent means nobody else.
  @ApiPropertyOptional({
    ...participantsSchema(CREATION_PARTICIPANTS_MAX, false),
    description: `The other participants, at most ${CREATION_PARTICIPANTS_MAX}; absent: none`,
  } as ApiPropertyOptions)
  @Shaped(
    participantsSchema(CREATION_PARTICIPANTS_MAX, false),
    isParticipantList(CREATION_PARTICIPANTS_MAX, false),
    `a list of at most ${CREATION_PARTICIPANTS_MAX} {user_id}`,
  )
  participants: ParticipantRef[] = [];
}

/** POST /conversations/:id */
export class UpdateConversationBody {
  @ApiPropertyOptional({ description: `The new name, at most ${NAME_MAX} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  name?: string;

  @ApiPropertyOptional({
    description: `A new current announcement, at most ${ANNOUNCEMENT_MAX} characters; "" clears it`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(ANNOUNCEMENT_MAX)
  announcement?: string;
}

/** POST /conversations/:id/mute: seconds; 0 unmutes. */
export class MuteConversationBody {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    default: 0,
    description: 'Seconds of muted notifications from now; 0 (or absent: Go clients drop a 0) unmutes',
  })
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(0)
  @Max(Limits.notificationMuteSecondsMax)
  duration: number = 0;
}

/** POST /conversations/:id/disappear: seconds, up to 12 weeks; 0 off. */
export class DisappearBody {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: Limits.disappearSecondsMax,
    default: 0,
    description: 'Message expiry in seconds; 0 (or absent) turns it off',
  })
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(0)
  @Max(Limits.disappearSecondsMax)
  duration: number = 0;
}

/** POST /users: Mixin's "network user" creation. */
export class CreateUserBody {
  @ApiProperty({ description: 'The new user’s name' })
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  full_name!: string;

  @ApiProperty({
    description:
      'The public key (Ed25519, 32 bytes, a point of large order) of the session the user signs requests with, in base64 or base64url',
  })
  @IsSafeEd25519PublicKey({ message: 'must be an Ed25519 public key in base64 (a valid point, not of small order)' })
  session_secret!: string;
}
