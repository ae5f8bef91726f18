import { type DomainEvent, type GroupKey, type MemberRole, PERMANENT } from '@cohort/contracts';
import { findKeysetPage, type KeysetCursor, type KeysetPage } from '@cohort/mongo';
import { HasOutbox, OutboxCollection, outboxOnUpdate, type OutboxOwner, type Written } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, FilterQuery, Model } from 'mongoose';

import type { UserFact, UserFacts, UserFactValues } from './facts';
import { StandingDoc } from './schemas/standing.schema';
import { notNewerThan, readFacts, type StoredFact, upsertNewer } from './stored-facts';

export type StandingList = 'mute' | 'block' | 'allow';

export interface ListedStanding<T> {
  userId: string;
  value: T;
  at: number;
  by: string | null;
}

export interface FactChange<F extends UserFact> {
  userId: string;
  value: UserFactValues[F];
  at: Date;
  by?: string | null;
  /** Stored with the change (moderation's own changes); another service's event is not. */
  event?: DomainEvent;
}

function onList(list: StandingList, now: number): FilterQuery<StandingDoc> {
  return list === 'mute'
    ? { $or: [{ 'mute.value': PERMANENT }, { 'mute.value': { $gt: now } }] }
    : { [`${list}.value`]: true };
}

/** Exact for one user: the dev database answers it from the unique index. */
const usersFilter = (userIds: string[]) =>
  userIds.length === 1 ? { userId: userIds[0] } : { userId: { $in: userIds } };

@Injectable()
@HasOutbox()
export class StandingRepository implements OutboxOwner {
  readonly outbox: OutboxCollection;

  constructor(@InjectModel(StandingDoc.name) private readonly model: Model<StandingDoc>) {
    this.outbox = OutboxCollection.of(model);
  }

  async apply<F extends UserFact>(key: GroupKey, fact: F, changes: FactChange<F>[]): Promise<Written<Set<string>>> {
    if (changes.length === 0) return this.outbox.written(new Set<string>(), []);
    const ops: AnyBulkWriteOperation<StandingDoc>[] = changes.map(({ userId, value, at, by, event }) => ({
      updateOne: {
        filter: { ...key, userId, ...notNewerThan(fact, at) },
        update: { $set: { [fact]: { value, at, by: by ?? null } }, ...(event ? outboxOnUpdate([event]) : {}) },
        upsert: true,
      },
    }));
    const refused = await upsertNewer(this.model, ops);
    const applied = changes.filter((_, i) => !refused.has(i));
    return this.outbox.written(
      new Set(applied.map((c) => c.userId)),
      applied.flatMap(({ userId, event }) => (event ? [{ filter: { ...key, userId }, events: [event] }] : [])),
    );
  }

  async get(key: GroupKey, userId: string): Promise<UserFacts> {
    return readFacts(await this.model.findOne({ ...key, userId }).lean(), [
      'role',
      'mute',
      'block',
      'allow',
    ]) as UserFacts;
  }

  async pageWithRoles(
    afterId: unknown,
    limit: number,
  ): Promise<{ id: unknown; key: GroupKey; userId: string; role: MemberRole | null }[]> {
    const docs = await this.model
      .find(
        { 'role.at': { $exists: true }, ...(afterId === null ? {} : { _id: { $gt: afterId } }) },
        { appId: 1, groupId: 1, userId: 1, role: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean();
    return docs.map((doc) => ({
      id: doc._id,
      key: { appId: doc.appId, groupId: doc.groupId },
      userId: doc.userId,
      role: doc.role?.value ?? null,
    }));
  }

  async findListed<L extends StandingList>(
    key: GroupKey,
    list: L,
    userIds: string[],
    now = Date.now(),
  ): Promise<ListedStanding<UserFactValues[L]>[]> {
    if (userIds.length === 0) return [];
    const docs = await this.model.find({ ...key, ...usersFilter(userIds), ...onList(list, now) }).lean();
    return docs.map((doc) => listed(doc, list));
  }

  async listPage<L extends StandingList>(
    key: GroupKey,
    list: L,
    limit: number,
    after?: KeysetCursor,
    now = Date.now(),
  ): Promise<KeysetPage<ListedStanding<UserFactValues[L]>>> {
    return findKeysetPage(
      this.model,
      {
        filter: { ...key, ...onList(list, now) },
        order: { timeField: `${list}.at`, idField: 'userId', direction: 1 },
        limit,
        after,
      },
      (doc) => listed(doc, list),
      (entry) => ({ at: entry.at, id: entry.userId }),
    );
  }

  async count(key: GroupKey, list: StandingList, now = Date.now()): Promise<number> {
    return this.model.countDocuments({ ...key, ...onList(list, now) });
  }

  async clearEndedMutes(now = Date.now()): Promise<number> {
    const result = await this.model.updateMany({ 'mute.value': { $gt: 0, $lte: now } }, { $unset: { mute: 1 } });
    return result.modifiedCount;
  }

  async purgeGroup(key: GroupKey): Promise<void> {
    await this.model.deleteMany(key);
  }
}

function listed<L extends StandingList>(doc: StandingDoc, list: L): ListedStanding<UserFactValues[L]> {
  const fact = doc[list] as StoredFact<UserFactValues[L]>;
  return { userId: doc.userId, value: fact.value, at: fact.at.getTime(), by: fact.by ?? null };
}
