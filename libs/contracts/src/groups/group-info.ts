import type { AccessView } from '../membership/member.types';
import type { GroupInfoView, GroupView } from './group.types';

/**
 * The group as its readers see it: the record with what membership knows (the count, the current
 * owner and capacity — transfers and resizes land there first — and the caller's own record).
 */
export function groupInfoOf(group: GroupView, access: AccessView | undefined): GroupInfoView {
  return {
    ...group,
    ownerId: access?.ownerId ?? group.ownerId,
    capacity: access?.capacity ?? group.capacity,
    memberCount: access?.memberCount ?? 0,
    callerMember: access?.member ?? null,
  };
}
