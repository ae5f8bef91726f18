import { type GroupInfoView, GroupStatus, type GroupType } from '@cohort/contracts';

import type { GroupInfo, JsonId, ShortGroupInfo } from './dto/group-answers';

/** A BigInt beyond 2^53 is written with every digit (int64-json.ts); a Mixin UUID stays a string. */
export function jsonId(id: string): JsonId {
  if (!/^[0-9]+$/.test(id)) return id;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : BigInt(id);
}

const TYPE_CODE: Record<GroupType, 0 | 2> = { group: 0, chatroom: 2 };

/** 4.16 `ban_expire_time`: seconds; -1 permanent; 0 when off or expired. */
export function banExpireTime(muteAllUntil: number | null, now = Date.now()): number {
  if (muteAllUntil === null) return 0;
  if (muteAllUntil < 0) return -1;
  return muteAllUntil > now ? Math.floor(muteAllUntil / 1000) : 0;
}

/** 4.16, 4.24, 4.42 */
export function toGroupInfo(view: GroupInfoView): GroupInfo {
  return {
    apply_approval: view.settings.applyApproval,
    avatar: view.avatar,
    ban_expire_time: banExpireTime(view.muteAllUntil),
    capacity: view.capacity,
    count: view.memberCount,
    created_at: view.createdAt,
    description: view.description,
    ext: view.ext,
    group_id: jsonId(view.groupId),
    history_visible: view.settings.historyVisible,
    member_invite: view.settings.memberInvite,
    member_modify: view.settings.memberModify,
    msg_mute_mode: view.callerMember?.msgMuteMode ?? 0,
    msg_push_mode: view.callerMember?.msgPushMode ?? 0,
    name: view.name,
    owner_id: jsonId(view.ownerId),
    read_ack: view.settings.readAck,
    status: view.status === GroupStatus.Destroyed ? 1 : 0,
    type: TYPE_CODE[view.type],
    updated_at: view.updatedAt,
  };
}

/** 4.26 */
export function toShortGroupInfo(view: GroupInfoView): ShortGroupInfo {
  return {
    apply_approval: view.settings.applyApproval,
    avatar: view.avatar,
    capacity: view.capacity,
    count: view.memberCount,
    group_id: jsonId(view.groupId),
    msg_mute_mode: view.callerMember?.msgMuteMode ?? 0,
    msg_push_mode: view.callerMember?.msgPushMode ?? 0,
    name: view.name,
    owner: jsonId(view.ownerId),
    status: view.status === GroupStatus.Destroyed ? 1 : 0,
    type: TYPE_CODE[view.type],
  };
}
