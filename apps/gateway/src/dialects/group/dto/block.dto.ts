import { Limits, USER_ID_PATTERN } from '@cohort/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

import { GroupIdField } from './id-fields';
import { GroupUsersBody } from './member.dto';
import { GroupPageSizes, GroupPagingQuery } from './paging.dto';

/** 4.14 */
export class BlockBody extends GroupUsersBody(Limits.idsPerCall) {}

/** 4.52 */
export class UnblockBody extends GroupUsersBody(Limits.idsPerCall) {}

/** 4.15 */
export class BlockedListQuery extends GroupPagingQuery(GroupPageSizes.blockedList) {
  @GroupIdField() group_id!: string;
}

/** Our extension: the sender is any user id (an Easemob username, a Mixin UUID), not only this dialect's int64. */
export class SendCheckQuery {
  @GroupIdField('The group or chatroom') group_id!: string;

  @ApiProperty({ description: 'The sender asked about (any user id: int64, an Easemob username, a Mixin UUID)' })
  @Matches(USER_ID_PATTERN, { message: 'must be a user id (1..64 characters of [A-Za-z0-9_.@:-])' })
  user_id!: string;
}
