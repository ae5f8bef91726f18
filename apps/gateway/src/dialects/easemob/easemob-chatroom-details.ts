import type { BusClient, RequestContext } from '@cohort/bus';
import { Limits, MembershipCommands, NUMERIC_ID_PATTERN } from '@cohort/contracts';
import { DomainError, invalidParameter } from '@cohort/errors';

import type { ChatroomDetails } from './dto/easemob-answers';
import { chatroomNotFound } from './easemob-chatroom-path';
import { chatroomDetails } from './easemob-chatrooms.presenter';

/** Separated by `,`, sent as is or as `%2C`. */
export function chatroomIdsOf(path: string): string[] {
  const ids = path.split(',');
  if (ids.length > Limits.batchGroupInfo)
    throw invalidParameter('id', `must name at most ${Limits.batchGroupInfo} chatrooms`);
  if (!ids.every((id) => NUMERIC_ID_PATTERN.test(id)))
    throw invalidParameter('id', 'must be chatroom ids (decimal digits) separated by commas');
  return ids;
}

/** Missing, deleted ones and private groups are left out (none left: 404); each with its first 1000 members, in one command. */
export async function chatroomsDetails(bus: BusClient, ctx: RequestContext, ids: string[]): Promise<ChatroomDetails[]> {
  const found = await bus.send(MembershipCommands.chatroomDetails, ctx, { groupIds: ids });
  if (found.length === 0)
    throw ids.length === 1
      ? chatroomNotFound(ids[0])
      : new DomainError('group_not_found', `none of the chatrooms ${ids.join(', ')} exists`);
  return found.map(({ room, members }) => chatroomDetails(room, members));
}
