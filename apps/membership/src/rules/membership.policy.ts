import type { ErrorPayload, GroupKey, GroupView } from '@cohort/contracts';
import { notMember, type Role } from '@cohort/group-access';

import type { StoredMember } from '../members/member.repository';

export interface GroupContext {
  key: GroupKey;
  group: GroupView;
  callerId: string | null;
  role: Role;
  members: Map<string, StoredMember>;
}

export function kickRefusal(gc: GroupContext, targetId: string): ErrorPayload | null {
  const target = gc.members.get(targetId);
  if (!target) return notMember(gc.group.groupId, targetId).toPayload();
  if (target.role === 'owner') return { code: 'owner_protected', message: 'forbidden operation on group owner' };
  if (target.role === 'admin' && gc.role !== 'owner')
    return { code: 'forbidden', message: 'admins cannot remove other admins' };
  return null;
}
