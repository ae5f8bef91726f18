import { Limits, USER_ID_PATTERN } from '@cohort/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

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

const CAPACITY = `1 to the app's capacity ceiling (${Limits.maxCapacity.toLocaleString('en')} unless its \`maxCapacity\` raises it, at most ${Limits.capacityCeiling.toLocaleString('en')})`;

/** POST /chatrooms. Other fields (`scale`, `need_verify`...) are ignored. */
export class CreateChatroomBody {
  @ApiProperty({ description: `The name, at most ${Limits.chatroomName} characters` })
  @IsString()
  @MaxLength(Limits.chatroomName)
  name!: string;

  @ApiPropertyOptional({ description: `At most ${Limits.chatroomDescription} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.chatroomDescription)
  description?: string;

  @ApiPropertyOptional({
    type: 'integer',
    default: Limits.defaultCapacity,
    description: `The most members, the owner included: ${CAPACITY}`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Limits.capacityCeiling)
  maxusers?: number;

  @ApiProperty({ description: 'The owner (a username)' })
  @Matches(USER_ID_PATTERN, IS_USERNAME)
  owner!: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Members besides the owner: at least one when given, at most maxusers − 1 (the owner, if listed, is left out)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one user' })
  @ArrayMaxSize(Limits.capacityCeiling - 1, { message: `must contain at most ${Limits.capacityCeiling - 1} usernames` })
  @Matches(USER_ID_PATTERN, { each: true, message: `must contain usernames, each ${USERNAME}` })
  members?: string[];

  @ApiPropertyOptional({ description: `Custom data, at most ${Limits.ext} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.ext)
  custom?: string;
}

/** PUT /chatrooms/{id}: any field Easemob does not let a call change is refused (400 naming it). */
export class ChatroomUpdateBody {
  @ApiPropertyOptional({
    description: 'A member of the chatroom, who becomes its owner (the owner becomes a plain member)',
  })
  @IsOptional()
  @Matches(USER_ID_PATTERN, IS_USERNAME)
  newowner?: string;

  @ApiPropertyOptional({ description: `The new name, at most ${Limits.chatroomName} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.chatroomName)
  name?: string;

  @ApiPropertyOptional({ description: `The new description, at most ${Limits.chatroomDescription} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.chatroomDescription)
  description?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: `The new capacity: ${CAPACITY}, and not below the current member count`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Limits.capacityCeiling)
  maxusers?: number;
}

/** POST /chatrooms/super_admin: the user who may then create chatrooms with a user token. */
export class SuperAdminBody {
  @ApiProperty({ description: 'A username' })
  @Matches(USER_ID_PATTERN, IS_USERNAME)
  superadmin!: string;
}
