import { Limits } from '@cohort/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

import { GroupIdField, UserIdField, UserIdListField } from './id-fields';
import { GroupPageSizes, GroupPagingQuery } from './paging.dto';

const ReasonField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description: `at most ${Limits.reason} characters` }),
    IsOptional(),
    IsString(),
    MaxLength(Limits.reason),
  );

/** Go clients drop a `false` (`omitempty`), so absent rejects (declines). */
const ApprovalField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      default: false,
      description: 'true approves (accepts), false (or absent) rejects (declines)',
    }),
    IsBoolean(),
  );

/** 4.10 */
export class ApplyBody {
  @GroupIdField() group_id!: string;
  @ReasonField() reason?: string;
}

/** 4.11: `user_id` here is the applicant, not the act-as `user_id` header. */
export class HandleApplicationBody {
  @GroupIdField() group_id!: string;
  @UserIdField('the applicant') user_id!: string;
  @ApprovalField() approval: boolean = false;
}

/** 4.9 (its body is GroupListBody) */
export class ApplicationListQuery extends GroupPagingQuery(GroupPageSizes.applicationList) {}

/** 4.31 */
export class InviteBody {
  @GroupIdField() group_id!: string;
  @UserIdListField(Limits.idsPerCall, `users to invite, at most ${Limits.idsPerCall}`) user_list!: string[];
  @ReasonField() reason?: string;
}

/** 4.32: `user_id` is the inviter; absent or the caller's own id: every pending invitation to the group. */
export class HandleInvitationBody {
  @GroupIdField() group_id!: string;
  @IsOptional()
  @UserIdField('the inviter whose invitation is answered; absent or your own id: all of them')
  user_id?: string;
  @ApprovalField() approval: boolean = false;
}

/** 4.30: with `group_id`, that group's invitations (its admins); without, the caller's received invitations. */
export class InvitationListQuery extends GroupPagingQuery(GroupPageSizes.invitationList) {
  @IsOptional()
  @GroupIdField('the group whose invitations to list (admins); absent: the invitations you received')
  group_id?: string;
}

/** 4.40 */
export class QrInviteBody {
  @ApiProperty({ description: 'what the QR code of 4.41 carries' })
  @IsString()
  @MaxLength(2048)
  qr_info!: string;
}
