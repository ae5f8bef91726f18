import type { DomainEvent, GroupKey } from '@cohort/contracts';
import { isDuplicateKeyError } from '@cohort/mongo';
import {
  HasOutbox,
  OutboxCollection,
  outboxHasRoom,
  outboxOnInsert,
  outboxOnUpdate,
  type OutboxOwner,
  type Written,
} from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import type { StoredAttribute } from './attribute-plans';
import { type AttributeDoc, RoomDoc } from './schemas/room.schema';

export interface StoredRoom {
  version: number;
  attributes: StoredAttribute[];
  destroyed: boolean;
}

const toAttribute = (doc: AttributeDoc): StoredAttribute => ({
  key: doc.key,
  value: doc.value,
  ownerId: doc.ownerId,
  removeOnLeave: doc.removeOnLeave,
  updatedAt: doc.updatedAt.getTime(),
});

const toDoc = (attribute: StoredAttribute): AttributeDoc => ({
  ...attribute,
  updatedAt: new Date(attribute.updatedAt),
});

@Injectable()
@HasOutbox()
export class RoomRepository implements OutboxOwner {
  readonly outbox: OutboxCollection;

  constructor(@InjectModel(RoomDoc.name) private readonly model: Model<RoomDoc>) {
    this.outbox = OutboxCollection.of(model);
  }

  async find(room: GroupKey): Promise<StoredRoom | null> {
    const doc = await this.model.findOne(room, { version: 1, attributes: 1, destroyed: 1 }).lean<RoomDoc>();
    return doc ? { version: doc.version, attributes: doc.attributes.map(toAttribute), destroyed: doc.destroyed } : null;
  }

  /** `version` null: the room has no document yet. */
  async write(
    room: GroupKey,
    version: number | null,
    attributes: StoredAttribute[],
    event: DomainEvent,
  ): Promise<Written<boolean>> {
    const written = (stored: boolean) => this.outbox.writtenIf(stored, stored, room, [event]);
    if (version === null) {
      try {
        await this.model.create({ ...room, version: 1, attributes: attributes.map(toDoc), ...outboxOnInsert([event]) });
        return written(true);
      } catch (error) {
        if (isDuplicateKeyError(error)) return written(false);
        throw error;
      }
    }
    const result = await this.model.updateOne(
      { ...room, version, ...outboxHasRoom() },
      { $set: { attributes: attributes.map(toDoc) }, $inc: { version: 1 }, ...outboxOnUpdate([event]) },
    );
    if (result.matchedCount === 0) await this.outbox.assertHasRoom(room);
    return written(result.matchedCount === 1);
  }

  /** The document stays, empty and marked, so that a write planned before the purge cannot revive it. */
  async purge(room: GroupKey): Promise<void> {
    await this.model.updateOne(
      room,
      { $set: { attributes: [], destroyed: true }, $inc: { version: 1 } },
      { upsert: true },
    );
  }
}
