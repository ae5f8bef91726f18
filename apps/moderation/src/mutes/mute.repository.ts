import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { GroupKey } from '@cohort/contracts';
import { findKeysetPage, isDuplicateKeyError, type KeysetCursor, type KeysetPage } from '@cohort/mongo';
import { LIST_ORDER } from '../list-order';
import { MuteDoc } from './schemas/mute.schema';

/** -1 in `until`: muted until lifted. */
export const PERMANENT = -1;

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

/** The only code touching the mutes collection. Every call is scoped by app and group. */
@Injectable()
export class MuteRepository {
  constructor(@InjectModel(MuteDoc.name) private readonly model: Model<MuteDoc>) {}

  /** Mutes the user, or replaces the user's existing mute (a new mute restarts its clock). */
  async upsert(key: GroupKey, userId: string, until: number, by: string | null, at: Date = new Date()): Promise<MuteEntry> {
    const write = () =>
      this.model
        .findOneAndUpdate({ ...key, userId }, { $set: { until, by, at } }, { upsert: true, new: true })
        .lean()
        .orFail();
    try {
      return toEntry(await write());
    } catch (error) {
      // Two concurrent upserts of one (group, user): the loser retries as a plain update.
      if (!isDuplicateKeyError(error)) throw error;
      return toEntry(await write());
    }
  }

  /** In (at, userId) order; `after` is the `next` of the previous page. */
  async listPage(key: GroupKey, limit: number, after?: KeysetCursor): Promise<KeysetPage<MuteEntry>> {
    return findKeysetPage(this.model, { filter: key, order: LIST_ORDER, limit, after }, toEntry, (e) => ({ at: e.at, id: e.userId }));
  }

  /** The mutes of these users still in force at `now` (permanent, or ending after it). */
  async findActive(key: GroupKey, userIds: string[], now = Date.now()): Promise<MuteEntry[]> {
    const docs = await this.model.find({ ...key, userId: { $in: userIds }, $or: [{ until: PERMANENT }, { until: { $gt: now } }] }).lean();
    return docs.map(toEntry);
  }

  async purgeGroup(key: GroupKey): Promise<void> {
    await this.model.deleteMany(key);
  }
}
