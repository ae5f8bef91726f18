import { randomUUID } from 'node:crypto';

import type { DomainEvent, GroupKey, GroupType } from '@cohort/contracts';
import {
  HasOutbox,
  OutboxCollection,
  outboxHasRoom,
  outboxOnUpdate,
  type OutboxOwner,
  type Written,
} from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { RosterReadCache } from './roster-read-cache';
import { RosterDoc } from './schemas/roster.schema';

export interface RosterState {
  groupId: string;
  type: GroupType;
  ownerId: string;
  memberCount: number;
  capacity: number;
  adminCount: number;
  inviteCode: string;
}

function toState(doc: RosterDoc): RosterState {
  const { groupId, type, ownerId, memberCount, capacity, adminCount, inviteCode } = doc;
  return { groupId, type, ownerId, memberCount, capacity, adminCount, inviteCode };
}

/** A fresh invite code: a random UUID (122 random bits), the form the UUID-id dialect's clients expect. */
export function newInviteCode(): string {
  return randomUUID();
}

@Injectable()
@HasOutbox()
export class RosterRepository implements OutboxOwner {
  readonly outbox: OutboxCollection;

  constructor(
    @InjectModel(RosterDoc.name) private readonly rosters: Model<RosterDoc>,
    private readonly cache: RosterReadCache,
  ) {
    this.outbox = OutboxCollection.of(rosters);
  }

  async ensure(key: GroupKey, type: GroupType, ownerId: string, capacity: number): Promise<RosterState> {
    return this.cache.writing(key, [], async () => {
      const doc = await this.rosters
        .findOneAndUpdate(
          key,
          {
            $setOnInsert: {
              ...key,
              ...{ type, ownerId, capacity, memberCount: 0, freeSlots: capacity, adminCount: 0 },
              ...{ inviteCode: newInviteCode(), createdAt: new Date(), outbox: [] },
            },
          },
          { upsert: true, new: true },
        )
        .lean();
      return toState(doc);
    });
  }

  async find(key: GroupKey): Promise<RosterState | null> {
    const doc = await this.rosters.findOne(key).lean();
    return doc ? toState(doc) : null;
  }

  findCached(key: GroupKey): Promise<RosterState | null> {
    return this.cache.roster(key, () => this.find(key));
  }

  async findMany(appId: string, groupIds: string[]): Promise<Map<string, RosterState>> {
    const docs = await this.rosters.find({ appId, groupId: { $in: groupIds } }).lean();
    return new Map(docs.map((d) => [d.groupId, toState(d)]));
  }

  async findByInviteCode(appId: string, inviteCode: string): Promise<RosterState | null> {
    const doc = await this.rosters.findOne({ appId, inviteCode }).lean();
    return doc ? toState(doc) : null;
  }

  /** Only while a roster is being initialized: nobody else can join yet. */
  async setCount(key: GroupKey, memberCount: number, capacity: number): Promise<void> {
    return this.cache.writing(key, [], async () => {
      await this.rosters.updateOne(key, { $set: { memberCount, freeSlots: capacity - memberCount } });
    });
  }

  async reserveSlots(key: GroupKey, count: number): Promise<boolean> {
    return this.cache.writing(key, [], async () => {
      const result = await this.rosters.updateOne(
        { ...key, freeSlots: { $gte: count } },
        { $inc: { freeSlots: -count, memberCount: count } },
      );
      return result.modifiedCount === 1;
    });
  }

  async releaseSlots(key: GroupKey, count: number, admins = 0): Promise<void> {
    return this.cache.writing(key, [], async () => {
      if (count === 0 && admins === 0) return;
      await this.rosters.updateOne(key, { $inc: { freeSlots: count, memberCount: -count, adminCount: -admins } });
    });
  }

  async resize(key: GroupKey, from: number, to: number): Promise<boolean> {
    return this.cache.writing(key, [], async () => {
      const delta = to - from;
      const result = await this.rosters.updateOne(
        { ...key, capacity: from, freeSlots: { $gte: -delta } },
        { $set: { capacity: to }, $inc: { freeSlots: delta } },
      );
      return result.modifiedCount === 1 || (delta === 0 && result.matchedCount === 1);
    });
  }

  async reserveAdmins(key: GroupKey, count: number, limit: number): Promise<boolean> {
    return this.cache.writing(key, [], async () => {
      const result = await this.rosters.updateOne(
        { ...key, adminCount: { $lte: limit - count } },
        { $inc: { adminCount: count } },
      );
      return result.modifiedCount === 1;
    });
  }

  async releaseAdmins(key: GroupKey, count: number): Promise<void> {
    return this.cache.writing(key, [], async () => {
      if (count > 0) await this.rosters.updateOne(key, { $inc: { adminCount: -count } });
    });
  }

  /** The commit point of a transfer. */
  async transferOwner(
    key: GroupKey,
    fromOwnerId: string,
    toOwnerId: string,
    newOwnerWasAdmin: boolean,
    event: DomainEvent,
  ): Promise<Written<boolean>> {
    return this.cache.writing(key, [fromOwnerId, toOwnerId], async () => {
      const result = await this.rosters.updateOne(
        { ...key, ownerId: fromOwnerId, ...outboxHasRoom() },
        { $set: { ownerId: toOwnerId }, $inc: { adminCount: newOwnerWasAdmin ? -1 : 0 }, ...outboxOnUpdate([event]) },
      );
      if (result.matchedCount === 0) await this.outbox.assertHasRoom(key);
      const transferred = result.modifiedCount === 1;
      return this.outbox.writtenIf(transferred, transferred, key, [event]);
    });
  }

  async rotateInviteCode(key: GroupKey): Promise<string | null> {
    return this.cache.writing(key, [], async () => {
      const inviteCode = newInviteCode();
      const result = await this.rosters.updateOne(key, { $set: { inviteCode } });
      return result.matchedCount === 1 ? inviteCode : null;
    });
  }

  async totalMembers(appId: string): Promise<number> {
    const [sum] = await this.rosters.aggregate<{ members: number }>([
      { $match: { appId } },
      { $group: { _id: null, members: { $sum: '$memberCount' } } },
    ]);
    return sum?.members ?? 0;
  }

  async purge(key: GroupKey): Promise<void> {
    return this.cache.writing(key, null, async () => {
      await this.rosters.deleteOne(key);
    });
  }
}
