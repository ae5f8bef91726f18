import { USER_ID_PATTERN } from '@cohort/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { SafeIntegerAsString } from '../http/safe-integer-as-string';

export class TokenRequest {
  @ApiProperty({ example: 'demo' }) @IsString() @MaxLength(256) client_id!: string;
  @ApiProperty({ example: 'demo-secret' }) @IsString() @MaxLength(256) client_secret!: string;
  @ApiPropertyOptional({ example: '1001', description: 'mint a token for this user instead of an app-admin token' })
  @IsOptional()
  // Numeric user ids (the /group dialect's int64) may arrive as JSON numbers.
  @SafeIntegerAsString(Number.MIN_SAFE_INTEGER)
  @Matches(USER_ID_PATTERN, { message: 'must be a user id (1..64 chars of [A-Za-z0-9_.@:-])' })
  user_id?: string;
}

export class EasemobTokenRequest {
  @ApiProperty({ example: 'client_credentials' }) @IsIn(['client_credentials']) grant_type!: string;
  @ApiProperty({ example: 'demo' }) @IsString() @MaxLength(256) client_id!: string;
  @ApiProperty({ example: 'demo-secret' }) @IsString() @MaxLength(256) client_secret!: string;
}

export class IssuedToken {
  @ApiProperty() access_token!: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type!: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'seconds' }) expires_in!: number;
}

export class EasemobToken {
  @ApiProperty() access_token!: string;
  @ApiProperty({ type: 'integer', description: 'seconds' }) expires_in!: number;
  @ApiProperty({ format: 'uuid', description: "the app's Easemob application uuid" }) application!: string;
}
