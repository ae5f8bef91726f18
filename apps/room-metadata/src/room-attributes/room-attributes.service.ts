import type { RequestContext } from '@cohort/bus';
import type {
  GetRoomAttributesCommand,
  RemoveRoomAttributesCommand,
  RoomAttributesOutcome,
  RoomAttributeView,
  SetRoomAttributesCommand,
} from '@cohort/contracts';
import { GroupAccessLoader, type GroupTarget } from '@cohort/group-access';
import { Injectable } from '@nestjs/common';

import { assertMayActAs, assertMayChange } from '../rules/room-attributes.policy';
import { planRemove, planSet } from './attribute-plans';
import { RoomRepository } from './room.repository';
import { RoomChanges } from './room-changes';

/** Attributes belong to chatrooms only: any other group is not found. */
const chatroom = (groupId: string): GroupTarget => ({ groupId, groupType: 'chatroom' });

/** Chatroom custom attributes: members set and remove their own keys, the owner and admins anyone's. */
@Injectable()
export class RoomAttributesService {
  constructor(
    private readonly loader: GroupAccessLoader,
    private readonly rooms: RoomRepository,
    private readonly changes: RoomChanges,
  ) {}

  async set(ctx: RequestContext, command: SetRoomAttributesCommand): Promise<RoomAttributesOutcome> {
    const { userId, attributes, removeOnLeave } = command;
    const forced = command.forced ?? false;
    assertMayActAs(ctx.caller, userId);
    const access = await this.loader.load(ctx, chatroom(command.groupId), [userId]);
    assertMayChange(access, userId);
    return this.changes.apply(ctx, access.key, (current) =>
      planSet(current, { userId, attributes, removeOnLeave, forced }, Date.now()),
    );
  }

  /** Anyone who may read the chatroom; unknown keys are left out. */
  async get(ctx: RequestContext, command: GetRoomAttributesCommand): Promise<RoomAttributeView[]> {
    const access = await this.loader.loadReadable(ctx, chatroom(command.groupId));
    const attributes = (await this.rooms.find(access.key))?.attributes ?? [];
    const wanted = command.keys?.length ? new Set(command.keys) : null;
    return wanted ? attributes.filter((a) => wanted.has(a.key)) : attributes;
  }

  async remove(ctx: RequestContext, command: RemoveRoomAttributesCommand): Promise<RoomAttributesOutcome> {
    const userId = command.userId ?? ctx.caller.userId;
    const forced = command.forced ?? false;
    assertMayActAs(ctx.caller, userId);
    const access = await this.loader.load(ctx, chatroom(command.groupId), userId ? [userId] : []);
    assertMayChange(access, userId);
    return this.changes.apply(ctx, access.key, (current) =>
      planRemove(current, { userId, keys: command.keys, forced }),
    );
  }
}
