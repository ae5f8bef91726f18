import { Limits, type MuteCommand } from '@cohort/contracts';

import { muteMs } from '../../mute-minutes';
import { MuteMinutesField } from './group.dto';
import { GroupIdField } from './id-fields';
import { groupUsers, GroupUsersBody } from './member.dto';
import { GroupPageSizes, GroupPagingQuery } from './paging.dto';

/** 4.51 */
export class UnbanBody extends GroupUsersBody(Limits.idsPerCall) {}

/** 4.12 */
export class BanBody extends UnbanBody {
  @MuteMinutesField() duration!: number;
}

/** 4.13 */
export class BannedListQuery extends GroupPagingQuery(GroupPageSizes.bannedList) {
  @GroupIdField() group_id!: string;
}

/** Each user has its own result. */
export const muteOf = (body: BanBody): MuteCommand => ({ ...groupUsers(body), durationMs: muteMs(body.duration) });
