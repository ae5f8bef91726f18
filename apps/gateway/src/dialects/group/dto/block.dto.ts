import { Limits, USER_ID_PATTERN } from '@cohort/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

import { GroupIdField } from './id-fields';
import { GroupUsersBody } from './member.dto';
import { GroupPageSizes, GroupPagingQuery } from './paging.dto';

/** 4.14: members to block (they are removed at once). */
export class BlockBody extends GroupUsersBody(Limits.idsPerCall) {}

/** 4.52: users to take off the blocklist. */
export class UnblockBody extends GroupUsersBody(Limits.idsPerCall) {}

/** 4.15 */
export class BlockedListQuery extends GroupPagingQuery(GroupPageSizes.blockedList) {
  @GroupIdField() group_id!: string;
}

/**
 * GET /group/send_check: may `user_id` send in `group_id` now? Our extension, for every group and
 * chatroom whichever dialect made it: the sender is any user id (an Easemob username, a Mixin UUID),
 * not only this dialect's int64 ones.
 */
export class SendCheckQuery {
  @GroupIdField('The group or chatroom') group_id!: string;

  @ApiProperty({ description: 'The sender asked about (any user id: int64, an Easemob username, a Mixin UUID)' })
  @Matches(USER_ID_PATTERN, { message: 'must be a user id (1..64 characters of [A-Za-z0-9_.@:-])' })
  user_id!: string;
}
