import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import type { DomainEvent, GroupKey } from '@cohort/contracts';
import { findKeysetPage, isDuplicateKeyError, type KeysetCursor, type KeysetPage } from '@cohort/mongo';
import { HasOutbox, OutboxCollection, outboxOnUpdate, type OutboxOwner } from '@cohort/outbox';
import { LIST_ORDER } from '../list-order';
import { MuteDoc } from './schemas/mute.schema';

/** -1 in `until`: muted until lifted. */
export const PERMANENT = -1;
/** 0 in `until`: lifted (the document stays, with the event of the lift). */
export const LIFTED = 0;

export interface MuteEntry {
  userId: string;
  /** ms since epoch, or -1 for permanent */
  until: number;
  by: string | null;
  /** ms since epoch */
  at: number;
}

function toEntry(doc: MuteDoc): MuteEntry {
  return { userId: doc.userId, until: doc.until, by: doc.by ?? null, at: doc.at.getTime() };
}

/** Mutes in force at `now`: permanent, or ending after it (expired and lifted ones are not). */
const inForce = (now: number) => ({ $or: [{ until: PERMANENT }, { until: { $gt: now } }] });

/** The only code touching the mutes collection. Every call is scoped by app and group. */
@Injectable()
@HasOutbox()
export class MuteRepository implements OutboxOwner {
  /** Each mute carries the events of its own changes. */
  readonly outbox: OutboxCollection;

  constructor(@InjectModel(MuteDoc.name) private readonly model: Model<MuteDoc>) {
    this.outbox = OutboxCollection.of(model);
  }

  /**
   * Sets (or, with LIFTED, lifts) the mutes of several users in one command, each with its event;
   * a new mute restarts its clock.
   */
  async setMany(key: GroupKey, mutes: { userId: string; until: number; event: DomainEvent }[], by: string | null, at: Date = new Date()): Promise<void> {
    if (mutes.length === 0) return;
    const ops: AnyBulkWriteOperation<MuteDoc>[] = mutes.map(({ userId, until, event }) => ({
      updateOne: { filter: { ...key, userId }, update: { $set: { until, by, at }, ...outboxOnUpdate([event]) }, upsert: true },
    }));
    try {
      await this.model.bulkWrite(ops, { ordered: false });
    } catch (error) {
      // Two concurrent first mutes of one (group, user): the loser's upsert is retried as an update.
      if (!isDuplicateKeyError(error)) throw error;
      await this.model.bulkWrite(ops, { ordered: false });
    }
  }

  /** Mutes in force, in the order they were set; `after` is the `next` of the previous page. */
  async listPage(key: GroupKey, limit: number, after?: KeysetCursor, now = Date.now()): Promise<KeysetPage<MuteEntry>> {
    return findKeysetPage(this.model, { filter: { ...key, ...inForce(now) }, order: LIST_ORDER, limit, after }, toEntry, (e) => ({ at: e.at, id: e.userId }));
  }

  async countActive(key: GroupKey, now = Date.now()): Promise<number> {
    return this.model.countDocuments({ ...key, ...inForce(now) });
  }

  /** The mutes of these users in force at `now`. */
  async findActive(key: GroupKey, userIds: string[], now = Date.now()): Promise<MuteEntry[]> {
    const docs = await this.model.find({ ...key, userId: { $in: userIds }, ...inForce(now) }).lean();
    return docs.map(toEntry);
  }

  async purgeGroup(key: GroupKey): Promise<void> {
    await this.model.deleteMany(key);
  }
}
