import type { RequestContext } from '@cohort/bus';
import { type ChatroomWithMembers, type GetGroupsCommand, Limits } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { Injectable } from '@nestjs/common';

import { RosterService } from '../roster/roster.service';
import { MembersService } from './members.service';

@Injectable()
export class ChatroomDetailsService {
  constructor(
    private readonly rosters: RosterService,
    private readonly members: MembersService,
  ) {}

  async details(ctx: RequestContext, { groupIds }: GetGroupsCommand): Promise<ChatroomWithMembers[]> {
    const rooms = await Promise.all([...new Set(groupIds)].map((groupId) => this.chatroom(ctx, groupId)));
    return rooms.flat();
  }

  private async chatroom(ctx: RequestContext, groupId: string): Promise<ChatroomWithMembers[]> {
    try {
      const room = await this.rosters.info(ctx, { groupId });
      if (room.type !== 'chatroom') return [];
      const members = await this.members.listByPage(ctx, { groupId, pageNumber: 1, pageSize: Limits.memberPageMax });
      return [{ room, members: members.items }];
    } catch (error) {
      if (isDomainError(error) && error.code === 'group_not_found') return [];
      throw error;
    }
  }
}
