import type { InvitationStatus, JoinRequestStatus } from '@cohort/contracts';
import { ApiProperty, type SchemaObject } from '@nestjs/swagger';

import type { JsonId } from './group-answers';
import { JSON_ID, MS } from './group-answers';

const REQUEST_STATUS = {
  type: 'integer',
  enum: [0, 1, 2],
  description: '0 pending, 1 approved / accepted, 2 rejected / declined (an expired request is not pending)',
} as const;

/** A member as the member lists (4.3, 4.35, 4.36) show them. */
export class GroupMemberProfile {
  @ApiProperty({ description: 'the name the member chose in this group (4.18); empty when none' })
  display_name!: string;
  @ApiProperty({
    type: 'integer',
    description: "end of the member's mute in ms since the epoch; -1 permanent; 0 not muted",
  })
  expired_time!: number;
  @ApiProperty(MS) join_time!: number;
  @ApiProperty(JSON_ID) user_id!: JsonId;
}

/** In request order for a batch. */
export class GroupUserResult {
  @ApiProperty(JSON_ID) user_id!: JsonId;
  @ApiProperty({ enum: ['success', 'fail'] }) result!: 'success' | 'fail';
  @ApiProperty({
    description:
      'empty on success ("pending" when an application awaits approval); on failure `<canonical code>: <text>`',
  })
  reason!: string;
}

/** 4.9 */
export class GroupApplication {
  @ApiProperty(JSON_ID) applicant_id!: JsonId;
  @ApiProperty({ ...MS, description: 'when the request expires, ms since the epoch' }) expired_time!: number;
  @ApiProperty(JSON_ID) group_id!: JsonId;
  @ApiProperty() reason!: string;
  @ApiProperty(REQUEST_STATUS) status!: JoinRequestStatus;
}

/** 4.30 */
export class GroupInvitation {
  @ApiProperty({ ...MS, description: 'when the invitation expires, ms since the epoch' }) expired_time!: number;
  @ApiProperty(JSON_ID) group_id!: JsonId;
  @ApiProperty(JSON_ID) invitee_id!: JsonId;
  @ApiProperty(JSON_ID) inviter_id!: JsonId;
  @ApiProperty() reason!: string;
  @ApiProperty(REQUEST_STATUS) status!: InvitationStatus;
  // The vendor's document types this one as a date-time string, unlike every other time.
  @ApiProperty({ type: 'string', format: 'date-time', description: 'last change, ISO 8601' }) updated_at!: string;
}

/** 4.41 */
export class GroupQrCode {
  @ApiProperty(MS) create_at!: number;
  @ApiProperty({ ...MS, description: 'when the code stops working, ms since the epoch' }) expire_at!: number;
  @ApiProperty({ description: 'what the QR code carries; redeemed with 4.40' }) qr_info!: string;
}

export const EMPTY: SchemaObject = { type: 'object', maxProperties: 0 };

/** 4.53 */
export const GROUP_IDS: SchemaObject = { type: 'array', items: JSON_ID };
