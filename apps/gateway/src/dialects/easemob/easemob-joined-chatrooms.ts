import type { BusClient, RequestContext } from '@cohort/bus';
import { MembershipCommands } from '@cohort/contracts';

import type { JoinedChatroom } from './dto/easemob-answers';

/** Membership answers the names from the group records it keeps; a chatroom destroyed meanwhile is left out. */
export async function joinedChatrooms(
  bus: BusClient,
  ctx: RequestContext,
  username: string,
  page: { pageNumber: number; pageSize: number },
): Promise<JoinedChatroom[]> {
  const joined = await bus.send(MembershipCommands.listJoined, ctx, {
    userId: username,
    type: 'chatroom',
    withNames: true,
    ...page,
  });
  return joined.items.map((item) => ({ id: item.groupId, name: item.name ?? '', disabled: 'false' as const }));
}
