import { IsStringRecord, Limits } from '@cohort/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString } from 'class-validator';

export const AUTO_DELETE_MODES = ['DELETE', 'NO_DELETE'] as const;
export type AutoDelete = (typeof AUTO_DELETE_MODES)[number];

const KEY_RULES = `1 to ${Limits.roomAttributeKeyMax} characters of A-Z, a-z, 0-9, "_", "." and "-"`;
const KEYS_ARE_STRINGS = { each: true, message: 'must contain strings' };

/** PUT /metadata/chatroom/{id}/user/{username}[/forced]. */
export class SetMetadataBody {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { seat: '3' },
    description:
      `1 to ${Limits.roomAttributesPerCall} attributes, name → value. A key of other than ${KEY_RULES}, a value of more than ` +
      `${Limits.roomAttributeValueMax} characters, a key another member set (unless forced) or a new key when the chatroom holds ` +
      `${Limits.roomAttributesPerRoom} fails alone, in errorKeys`,
  })
  @IsStringRecord(1, Limits.roomAttributesPerCall)
  metaData!: Record<string, string>;

  @ApiPropertyOptional({
    enum: AUTO_DELETE_MODES,
    default: 'DELETE',
    description: 'DELETE: the attributes go away when the member leaves; NO_DELETE: they stay',
  })
  @IsOptional()
  @IsIn([...AUTO_DELETE_MODES])
  autoDelete?: AutoDelete;
}

/** POST /metadata/chatroom/{id}: the keys to read (`autoDelete`, which the SDKs add, is ignored). */
export class MetadataQueryBody {
  @ApiPropertyOptional({ type: [String], description: 'The keys to read; absent or empty: all of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Limits.roomAttributesPerRoom, {
    message: `may name at most ${Limits.roomAttributesPerRoom} keys (a chatroom has no more)`,
  })
  @IsString(KEYS_ARE_STRINGS)
  keys?: string[];
}

/** DELETE /metadata/chatroom/{id}/user/{username}[/forced] (`autoDelete`, which the SDKs add, is ignored). */
export class MetadataKeysBody {
  @ApiProperty({ type: [String], description: `1 to ${Limits.roomAttributesPerCall} keys to remove` })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one key' })
  @ArrayMaxSize(Limits.roomAttributesPerCall, {
    message: `may name at most ${Limits.roomAttributesPerCall} keys per call`,
  })
  @IsString(KEYS_ARE_STRINGS)
  keys!: string[];
}
