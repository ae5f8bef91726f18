import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { RoomAttributeDoc, type AutoDelete } from './schemas/room-attribute.schema';

/** The tenant and the chatroom: every query is scoped by both. */
export interface RoomKey {
  appId: string;
  groupId: string;
}

export interface RoomAttribute {
  key: string;
  value: string;
  ownerId: string;
  autoDelete: AutoDelete;
  /** ms since epoch */
  updatedAt: number;
}

export type RoomAttributeWrite = Omit<RoomAttribute, 'updatedAt'>;

function toAttribute(doc: RoomAttributeDoc): RoomAttribute {
  return {
    key: doc.key,
    value: doc.value,
    ownerId: doc.ownerId,
    autoDelete: doc.autoDelete,
    updatedAt: doc.updatedAt.getTime(),
  };
}

/** The only code touching the room_attributes collection. Every call is scoped by app and room. */
@Injectable()
export class RoomAttributeRepository {
  constructor(@InjectModel(RoomAttributeDoc.name) private readonly model: Model<RoomAttributeDoc>) {}

  /**
   * Writes the attributes whatever their current owner: the ownership rule ("forced" writes) is
   * decided by the caller before calling this.
   */
  async upsertMany(room: RoomKey, attributes: RoomAttributeWrite[], updatedAt: Date = new Date()): Promise<void> {
    if (attributes.length === 0) return;
    await this.model.bulkWrite(
      attributes.map((a) => ({
        updateOne: {
          filter: { ...room, key: a.key },
          update: { $set: { value: a.value, ownerId: a.ownerId, autoDelete: a.autoDelete, updatedAt } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** All of the room's attributes, or only those keys when given. */
  async find(room: RoomKey, keys?: string[]): Promise<RoomAttribute[]> {
    const filter = keys ? { ...room, key: { $in: keys } } : room;
    const docs = await this.model.find(filter).sort({ key: 1 }).lean();
    return docs.map(toAttribute);
  }

  /**
   * Removes the owner's `DELETE` attributes written before `before`: a late or redelivered leave
   * event must not remove attributes the user set after re-joining.
   */
  async deleteAutoDeleteOwnedBy(room: RoomKey, ownerId: string, before: Date): Promise<number> {
    const result = await this.model.deleteMany({ ...room, ownerId, autoDelete: 'DELETE', updatedAt: { $lte: before } });
    return result.deletedCount;
  }

  async purgeRoom(room: RoomKey): Promise<void> {
    await this.model.deleteMany(room);
  }
}
