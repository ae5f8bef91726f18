import type { RequestContext } from '@cohort/bus';
import type {
  GetRoomAttributesCommand,
  RemoveRoomAttributesCommand,
  RoomAttributesOutcome,
  RoomAttributeView,
  SetRoomAttributesCommand,
} from '@cohort/contracts';
import { type GroupKey } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { GroupAccessLoader, type GroupTarget } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { assertMayActAs, assertMayChange } from '../rules/room-attributes.policy';
import { type Planned, planRemove, planSet, type StoredAttribute } from './attribute-plans';
import { RoomRepository } from './room.repository';

/** Attributes belong to chatrooms only: any other group is not found. */
const chatroom = (groupId: string): GroupTarget => ({ groupId, groupType: 'chatroom' });

/**
 * How many times a change is planned again after losing to a concurrent write. Each loss means
 * another write to the room was applied, so this bounds the writers one call can queue behind.
 */
const MAX_ATTEMPTS = 200;

@Injectable()
export class RoomAttributesService {
  constructor(
    private readonly loader: GroupAccessLoader,
    private readonly rooms: RoomRepository,
    private readonly outbox: Outbox,
  ) {}

  async set(ctx: RequestContext, command: SetRoomAttributesCommand): Promise<RoomAttributesOutcome> {
    const { userId, attributes, removeOnLeave } = command;
    const forced = command.forced ?? false;
    assertMayActAs(ctx.caller, userId);
    const access = await this.loader.load(ctx, chatroom(command.groupId), [userId]);
    assertMayChange(access, userId);
    return this.apply(ctx, access.key, (current) =>
      planSet(current, { userId, attributes, removeOnLeave, forced }, Date.now()),
    );
  }

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
    return this.apply(ctx, access.key, (current) => planRemove(current, { userId, keys: command.keys, forced }));
  }

  /**
   * Optimistic on the room's version, re-planned on a lost race: concurrent calls then behave as if
   * one ran after the other (key ownership and the 100-key limit are checked against what is there).
   */
  async apply<T>(ctx: RequestContext, room: GroupKey, plan: (attributes: StoredAttribute[]) => Planned<T>): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.rooms.find(room);
      const { result, change } = plan(stored?.attributes ?? []);
      if (!change) return result;
      // Destroyed after the call found the room: its attributes are gone for good.
      if (stored?.destroyed) throw new DomainError('group_not_found', `chatroom ${room.groupId} does not exist`);
      const event = this.outbox.prepare('room_attributes.changed', ctx, room.groupId, change.event);
      const written = await this.rooms.write(room, stored?.version ?? null, change.next, event);
      if (await this.outbox.commit(written)) return result;
    }
    throw new DomainError(
      'conflict',
      `the attributes of chatroom ${room.groupId} changed too often to apply this change; try again`,
    );
  }
}
