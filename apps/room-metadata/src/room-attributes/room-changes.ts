import type { RequestContext } from '@cohort/bus';
import type { GroupKey } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import type { Planned, StoredAttribute } from './attribute-plans';
import { RoomRepository } from './room.repository';

/**
 * How many times a change is planned again after losing to a concurrent write. Each loss means
 * another write to the room was applied, so this bounds the writers one call can queue behind.
 */
const MAX_ATTEMPTS = 200;

/**
 * Applies a planned change to a room's attributes: read, plan, write only if nobody wrote in
 * between (the room's version), with its `room_attributes.changed` in the same write; on a lost
 * race, read and plan again. So concurrent calls behave as if one ran after the other: of two
 * members setting the same new key, one owns it and the other's plan sees it owned; the 100-key
 * limit is checked against what is really there.
 */
@Injectable()
export class RoomChanges {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly outbox: Outbox,
  ) {}

  async apply<T>(ctx: RequestContext, room: GroupKey, plan: (attributes: StoredAttribute[]) => Planned<T>): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.rooms.find(room);
      const { result, change } = plan(stored?.attributes ?? []);
      if (!change) return result;
      // Destroyed after the call found the room: its attributes are gone for good.
      if (stored?.destroyed) throw new DomainError('group_not_found', `chatroom ${room.groupId} does not exist`);
      const event = this.outbox.prepare('room_attributes.changed', ctx, room.groupId, change.event);
      if (await this.rooms.write(room, stored?.version ?? null, change.next, event)) {
        await this.outbox.flush(this.rooms.outbox, room, [event]);
        return result;
      }
    }
    throw new DomainError(
      'conflict',
      `the attributes of chatroom ${room.groupId} changed too often to apply this change; try again`,
    );
  }
}
