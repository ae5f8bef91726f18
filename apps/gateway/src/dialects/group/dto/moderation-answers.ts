import { ApiProperty } from '@nestjs/swagger';
import { SendReasons, type SendReason } from '@cohort/contracts';
import { JSON_ID } from './group-answers';
import type { JsonId } from './group-answers';

// What the /group moderation handlers answer inside the envelope's `data` besides batch results
// and member profiles.

/** A user on the blocklist (4.15). */
export class GroupBlockedUser {
  @ApiProperty({ type: 'string', format: 'date-time', description: 'when the user was blocked' }) created_at!: string;
  @ApiProperty(JSON_ID) group_id!: JsonId;
  @ApiProperty(JSON_ID) user_id!: JsonId;
}

/** The send decision. */
export class GroupSendDecision {
  @ApiProperty({ description: 'whether the user may send now' }) allowed!: boolean;
  @ApiProperty({ enum: SendReasons, description: 'the first rule that applies, in this order; `ok` when allowed' }) reason!: SendReason;
  @ApiProperty({ type: 'integer', description: 'with `muted` / `muted_all`: when it ends in ms since the epoch, -1 permanent; otherwise 0' }) until!: number;
  @ApiProperty({ description: 'allowed and on the allowlist: the message may be treated as high priority' }) priority!: boolean;
}
