import type { AccessView } from '../membership/member.types';
import type { GroupInfoView, GroupView } from './group.types';

/** Membership's owner and capacity win: transfers and resizes land there first. */
export function groupInfoOf(group: GroupView, access: AccessView | undefined): GroupInfoView {
  return {
    ...group,
    ownerId: access?.ownerId ?? group.ownerId,
    capacity: access?.capacity ?? group.capacity,
    memberCount: access?.memberCount ?? 0,
    callerMember: access?.member ?? null,
  };
}
