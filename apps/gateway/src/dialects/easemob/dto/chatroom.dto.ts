import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Limits, USER_ID_PATTERN } from '@cohort/contracts';

const USERNAME = 'a username (1..64 chars of [A-Za-z0-9_.@:-])';
const IS_USERNAME = { message: `must be ${USERNAME}` };

/** POST /chatrooms/{id}/users: the users to add. */
export class UsernamesBody {
  @ApiProperty({ description: `1 to ${Limits.batchMemberOps} usernames`, type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one user' })
  @ArrayMaxSize(Limits.batchMemberOps, { message: `must contain at most ${Limits.batchMemberOps} usernames` })
  @Matches(USER_ID_PATTERN, { each: true, message: `must contain usernames, each ${USERNAME}` })
  usernames!: string[];
}

/** POST /chatrooms/{id}/admin: the member to make an admin. */
export class NewAdminBody {
  @ApiProperty({ description: 'A member of the chatroom' })
  @Matches(USER_ID_PATTERN, IS_USERNAME)
  newadmin!: string;
}

/**
 * PUT /chatrooms/{id}: the fields Easemob lets a call change; any other field is refused (400
 * naming it). Which of them are handled yet: easemob-chatroom-update.ts.
 */
export class ChatroomUpdateBody {
  @ApiPropertyOptional({ description: 'A member of the chatroom, who becomes its owner (the owner becomes a plain member)' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, IS_USERNAME)
  newowner?: string;

  @ApiPropertyOptional({ description: 'The new name (not supported yet: 400)' })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.chatroomName)
  name?: string;

  @ApiPropertyOptional({ description: 'The new description (not supported yet: 400)' })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.description)
  description?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The new capacity (not supported yet: 400)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Limits.maxCapacity)
  maxusers?: number;
}
