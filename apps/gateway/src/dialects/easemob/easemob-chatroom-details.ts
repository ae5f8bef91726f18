import { GroupCommands, Limits, MembershipCommands, NUMERIC_ID_PATTERN } from '@cohort/contracts';
import type { BusClient, RequestContext } from '@cohort/bus';
import { DomainError, invalidParameter, isDomainError } from '@cohort/errors';
import type { ChatroomDetails } from './dto/easemob-answers';
import { chatroom, chatroomNotFound } from './easemob-chatroom-path';
import { chatroomDetails } from './easemob-chatrooms.presenter';

/** The members each chatroom's details list (`affiliations`): its first page of 1000. */
const AFFILIATIONS_PAGE = { pageNumber: 1, pageSize: Limits.memberPageMax };

/** The ids of `GET /chatrooms/{id1,id2,...}`: 1 to 100, separated by `,` (sent as is or as `%2C`). */
export function chatroomIdsOf(path: string): string[] {
  const ids = path.split(',');
  if (ids.length > Limits.batchGroupInfo) throw invalidParameter('id', `must name at most ${Limits.batchGroupInfo} chatrooms`);
  if (!ids.every((id) => NUMERIC_ID_PATTERN.test(id))) throw invalidParameter('id', 'must be chatroom ids (decimal digits) separated by commas');
  return ids;
}

/**
 * The details of the chatrooms among `ids` (in request order, duplicates once): missing,
 * deleted ones and private groups are left out; none left → 404. Each with its first 1000
 * members; a chatroom deleted between the two reads is left out too.
 */
export async function chatroomsDetails(bus: BusClient, ctx: RequestContext, ids: string[]): Promise<ChatroomDetails[]> {
  const rooms = (await bus.send(GroupCommands.getMany, ctx, { groupIds: ids })).filter((view) => view.type === 'chatroom');
  const details = await Promise.all(
    rooms.map(async (room) => {
      try {
        const members = await bus.send(MembershipCommands.listMembersByPage, ctx, { ...chatroom(room.groupId), ...AFFILIATIONS_PAGE });
        return [chatroomDetails(room, members.items)];
      } catch (error) {
        if (isDomainError(error) && error.code === 'group_not_found') return [];
        throw error;
      }
    }),
  );
  const found = details.flat();
  if (found.length === 0) throw ids.length === 1 ? chatroomNotFound(ids[0]) : new DomainError('group_not_found', `none of the chatrooms ${ids.join(', ')} exists`);
  return found;
}
