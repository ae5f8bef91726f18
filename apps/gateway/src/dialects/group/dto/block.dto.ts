import { Limits } from '@cohort/contracts';
import { GroupIdField, UserIdField } from './id-fields';
import { GroupUsersBody } from './member.dto';
import { GroupPageSizes, GroupPagingQuery } from './paging.dto';

/** 4.14: members to block (they are removed at once). */
export class BlockBody extends GroupUsersBody(Limits.batchMemberOps) {}

/** 4.52: users to take off the blocklist. */
export class UnblockBody extends GroupUsersBody(Limits.batchMemberOps) {}

/** 4.15 */
export class BlockedListQuery extends GroupPagingQuery(GroupPageSizes.blockedList) {
  @GroupIdField() group_id!: string;
}

/** GET /group/send_check: may `user_id` send in `group_id` now? */
export class SendCheckQuery {
  @GroupIdField('The group or chatroom') group_id!: string;
  @UserIdField('The sender asked about') user_id!: string;
}
