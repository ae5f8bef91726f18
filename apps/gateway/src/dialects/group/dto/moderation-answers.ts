import { type MemberRole, type SendReason, SendReasons } from '@cohort/contracts';
import { ApiProperty } from '@nestjs/swagger';

import { JSON_ID, type JsonId } from './group-answers';

/** 4.15 */
export class GroupBlockedUser {
  @ApiProperty({ type: 'string', format: 'date-time', description: 'when the user was blocked' }) created_at!: string;
  @ApiProperty(JSON_ID) group_id!: JsonId;
  @ApiProperty(JSON_ID) user_id!: JsonId;
}

export class GroupSendDecision {
  @ApiProperty({ description: 'whether the user may send now' }) allowed!: boolean;
  @ApiProperty({ enum: SendReasons, description: 'the first rule that applies, in this order; `ok` when allowed' })
  reason!: SendReason;
  @ApiProperty({
    type: 'integer',
    description: 'with `muted` / `muted_all`: when it ends in ms since the epoch, -1 permanent; otherwise 0',
  })
  until!: number;
  @ApiProperty({ description: 'allowed and on the allowlist: the message may be treated as high priority' })
  priority!: boolean;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: "the sender's role: owner, admin or member; null when not a member",
  })
  role!: MemberRole | null;
}

/** Ours: what steers delivery of a message to each member. */
export class GroupRecipient {
  @ApiProperty(JSON_ID) user_id!: JsonId;
  @ApiProperty({ enum: ['owner', 'admin', 'member'] }) role!: MemberRole;
  @ApiProperty({
    type: 'integer',
    description: 'when they joined (ms): with history_visible false, they see no message sent before',
  })
  join_time!: number;
  @ApiProperty({
    type: 'integer',
    enum: [0, 1, 2],
    description: '0 notify, 1 deliver without local notification, 2 deliver nothing',
  })
  msg_mute_mode!: number;
  @ApiProperty({
    type: 'integer',
    enum: [0, 1, 2, 3, 4],
    description: '0 push all, 1 none, 2 admins and @me, 3 admins only, 4 @me only',
  })
  msg_push_mode!: number;
  @ApiProperty({ type: 'integer', description: 'notifications muted until (ms; 0 not muted): Mixin `mute_until`' })
  notifications_muted_until!: number;
}
