import { Limits } from '@cohort/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

import { GroupIdField, UserIdField, UserIdListField } from './id-fields';
import { GroupPageSizes, GroupPagingQuery } from './paging.dto';

/** `class KickBody extends GroupUsersBody(100) {}` */
export function GroupUsersBody(max: number) {
  class UsersBody {
    @GroupIdField() group_id!: string;
    @UserIdListField(max, `users, at most ${max}`) user_list!: string[];
  }
  return UsersBody;
}

/** 4.1 / 4.2: the admin limit bounds one call as it bounds the group. */
export class AdminsBody extends GroupUsersBody(Limits.maxAdmins) {}
/** 4.33 */
export class KickBody extends GroupUsersBody(Limits.idsPerCall) {}
/** 4.36 */
export class MemberProfilesBody extends GroupUsersBody(Limits.idsPerCall) {}

/** 4.35 */
export class MemberListQuery extends GroupPagingQuery(GroupPageSizes.memberList) {
  @GroupIdField() group_id!: string;
}

/** 4.18 */
export class DisplayNameBody {
  @GroupIdField() group_id!: string;
  @ApiPropertyOptional({ default: '', description: 'the name; empty (or absent: Go clients drop "") clears it' })
  @IsString()
  @MaxLength(Limits.displayName)
  value: string = '';
}

/** 4.37 */
export class MuteModeBody {
  @GroupIdField() group_id!: string;
  @ApiPropertyOptional({
    enum: [0, 1, 2],
    default: 0,
    description: "the caller's message mute mode in this group; absent: 0 (Go clients drop a 0)",
  })
  @IsIn([0, 1, 2], { message: 'must be 0, 1 or 2' })
  msg_mute_mode: 0 | 1 | 2 = 0;
}

/** 4.38 */
export class PushModeBody {
  @GroupIdField() group_id!: string;
  @ApiPropertyOptional({
    enum: [0, 1, 2, 3, 4],
    default: 0,
    description: "the caller's push mode in this group; absent: 0 (Go clients drop a 0)",
  })
  @IsIn([0, 1, 2, 3, 4], { message: 'must be 0, 1, 2, 3 or 4' })
  msg_push_mode: 0 | 1 | 2 | 3 | 4 = 0;
}

/** 4.50 */
export class TransferBody {
  @GroupIdField() group_id!: string;
  @UserIdField('the member who becomes owner') new_owner!: string;
}

export const groupUsers = (body: { group_id: string; user_list: string[] }) => ({
  groupId: body.group_id,
  userIds: body.user_list,
});
