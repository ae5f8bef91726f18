import type { ApprovalPolicy } from '@cohort/contracts';
import { ApiProperty, type SchemaObject } from '@nestjs/swagger';

/** Numeric, exact ids leave as JSON numbers (group-info.presenter's jsonId), others as strings. */
export const JSON_ID = {
  oneOf: [{ type: 'integer', format: 'int64' }, { type: 'string' }],
  description: 'a JSON number when numeric (every digit of an int64), a string for a Mixin conversation UUID',
};
/** A BigInt beyond 2^53 is written with every digit; a Mixin group's id is a UUID string. */
export type JsonId = number | bigint | string;
const SECONDS_MUTED = { type: 'integer', description: 'mute-all end in seconds; -1 permanent; 0 off' } as const;
export const MS = { type: 'integer', description: 'ms since the epoch' } as const;

/** What the short (4.26) and the full (4.16, 4.24, 4.42) group information share. */
abstract class GroupSummary {
  @ApiProperty({ type: 'integer', enum: [0, 1, 2], description: '0 anyone joins, 1 admin approval, 2 refuse' })
  apply_approval!: ApprovalPolicy;
  @ApiProperty() avatar!: string;
  @ApiProperty({ type: 'integer' }) capacity!: number;
  @ApiProperty({ type: 'integer', description: 'members' }) count!: number;
  @ApiProperty(JSON_ID) group_id!: JsonId;
  @ApiProperty({ type: 'integer', description: "the caller's message mute mode (0 when not a member)" })
  msg_mute_mode!: number;
  @ApiProperty({ type: 'integer', description: "the caller's push mode (0 when not a member)" }) msg_push_mode!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', enum: [0, 1], description: '0 active, 1 dissolved' }) status!: 0 | 1;
  @ApiProperty({ type: 'integer', enum: [0, 2], description: '0 private group, 2 chatroom' }) type!: number;
}

export class ShortGroupInfo extends GroupSummary {
  @ApiProperty(JSON_ID) owner!: JsonId;
}

export class GroupInfo extends GroupSummary {
  @ApiProperty(SECONDS_MUTED) ban_expire_time!: number;
  @ApiProperty(MS) created_at!: number;
  @ApiProperty() description!: string;
  @ApiProperty() ext!: string;
  @ApiProperty() history_visible!: boolean;
  @ApiProperty() member_invite!: boolean;
  @ApiProperty() member_modify!: boolean;
  @ApiProperty(JSON_ID) owner_id!: JsonId;
  @ApiProperty() read_ack!: boolean;
  @ApiProperty(MS) updated_at!: number;
}

export class MuteAllState {
  @ApiProperty(SECONDS_MUTED) ban_expire_time!: number;
}

export const DONE: SchemaObject = { type: 'boolean', enum: [true] };
