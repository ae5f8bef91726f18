import type { BusClient, RequestContext } from '@cohort/bus';
import { type ItemResult, Limits, ModerationCommands } from '@cohort/contracts';

import { everyPage } from '../every-page';
import type { ChatroomListAction, ChatroomListOutcome } from './dto/easemob-answers';
import { chatroom } from './easemob-chatroom-path';
import { EasemobList } from './easemob-envelope.interceptor';
import { onlyItem } from './easemob-members.presenter';

export const CHATROOM_LISTS = {
  blocks: {
    add: ModerationCommands.block,
    remove: ModerationCommands.unblock,
    list: ModerationCommands.listBlocked,
    added: 'add_blocks',
    removed: 'remove_blocks',
  },
  white: {
    add: ModerationCommands.allow,
    remove: ModerationCommands.disallow,
    list: ModerationCommands.listAllowed,
    added: 'add_user_whitelist',
    removed: 'remove_user_whitelist',
  },
} as const;

export type ChatroomList = (typeof CHATROOM_LISTS)[keyof typeof CHATROOM_LISTS];

/** Easemob's words for a user who is not in the chatroom. */
const failure = (chatroomId: string, result: ItemResult & { ok: false }): string =>
  result.error.code === 'not_member'
    ? `user: ${result.userId} doesn't exist in chatroom: ${chatroomId}`
    : result.error.message;

export const listOutcome = (chatroomId: string, action: ChatroomListAction, result: ItemResult): ChatroomListOutcome =>
  result.ok
    ? { result: true, action, user: result.userId, chatroomid: chatroomId }
    : { result: false, action, reason: failure(chatroomId, result), user: result.userId, chatroomid: chatroomId };

/** Easemob's list has no paging. */
export async function listedUsers(
  bus: BusClient,
  ctx: RequestContext,
  id: string,
  list: ChatroomList,
): Promise<EasemobList<string>> {
  const entries = await everyPage((cursor) =>
    bus.send(list.list, ctx, { ...chatroom(id), cursor, limit: Limits.memberPageMax }),
  );
  return new EasemobList(entries.map((entry) => entry.userId));
}

export async function changeList(
  bus: BusClient,
  ctx: RequestContext,
  id: string,
  list: ChatroomList,
  add: boolean,
  userIds: string[],
): Promise<ChatroomListOutcome[]> {
  const results = await bus.send(add ? list.add : list.remove, ctx, { ...chatroom(id), userIds });
  return results.map((result) => listOutcome(id, add ? list.added : list.removed, result));
}

export async function changeListOf(
  bus: BusClient,
  ctx: RequestContext,
  id: string,
  list: ChatroomList,
  add: boolean,
  userId: string,
): Promise<ChatroomListOutcome> {
  const results = await bus.send(add ? list.add : list.remove, ctx, { ...chatroom(id), userIds: [userId] });
  onlyItem(results);
  return listOutcome(id, add ? list.added : list.removed, results[0]);
}
