import type { BusClient, RequestContext } from '@cohort/bus';
import { GroupCommands, type GroupInfoView, Limits, MembershipCommands } from '@cohort/contracts';

import { chunksOf } from '../chunks-of';
import type { JoinedChatroom } from './dto/easemob-answers';

/**
 * One page of the chatrooms `username` joined, most recent first, with their names (read in
 * batches of at most 100 ids). A chatroom the groups service no longer answers (dissolved
 * meanwhile) is left out.
 */
export async function joinedChatrooms(
  bus: BusClient,
  ctx: RequestContext,
  username: string,
  page: { pageNumber: number; pageSize: number },
): Promise<JoinedChatroom[]> {
  const joined = await bus.send(MembershipCommands.listJoined, ctx, { userId: username, type: 'chatroom', ...page });
  const ids = joined.items.map((item) => item.groupId);
  const batches = await Promise.all(
    chunksOf(ids, Limits.batchGroupInfo).map((groupIds) => bus.send(GroupCommands.getMany, ctx, { groupIds })),
  );
  const byId = new Map<string, GroupInfoView>(batches.flat().map((view) => [view.groupId, view]));
  return ids.flatMap((id) => {
    const view = byId.get(id);
    return view ? [{ id, name: view.name, disabled: 'false' as const }] : [];
  });
}
