import type { Model } from 'mongoose';
import type { GroupKey } from '@cohort/contracts';
import { findKeysetPage, nonDuplicateWriteErrors, type KeysetCursor, type KeysetPage } from '@cohort/mongo';
import { LIST_ORDER } from '../list-order';
import type { GroupUserEntryDoc } from './group-user-entry.schema';

export interface GroupUserEntry {
  userId: string;
  by: string | null;
  /** ms since epoch */
  at: number;
}

function toEntry(doc: GroupUserEntryDoc): GroupUserEntry {
  return { userId: doc.userId, by: doc.by ?? null, at: doc.at.getTime() };
}

/**
 * Shared storage logic of the blocklist and the allowlist: same shape, different collections.
 * Subclasses only inject their model, so each stays the only code touching its collection.
 */
export abstract class GroupUserListRepository {
  protected constructor(private readonly model: Model<GroupUserEntryDoc>) {}

  /** Adds users not on the list yet; users already on it keep their original entry (idempotent). */
  async add(key: GroupKey, userIds: string[], by: string | null, at: Date = new Date()): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    try {
      await this.model.insertMany(
        unique.map((userId) => ({ ...key, userId, by, at })),
        { ordered: false },
      );
    } catch (error) {
      if (nonDuplicateWriteErrors(error).length > 0) throw error;
    }
  }

  /** The entries of these users that exist (absent users are simply missing from the result). */
  async find(key: GroupKey, userIds: string[]): Promise<GroupUserEntry[]> {
    const docs = await this.model.find({ ...key, userId: { $in: userIds } }).lean();
    return docs.map(toEntry);
  }

  /** In (at, userId) order; `after` is the `next` of the previous page. */
  async listPage(key: GroupKey, limit: number, after?: KeysetCursor): Promise<KeysetPage<GroupUserEntry>> {
    return findKeysetPage(this.model, { filter: key, order: LIST_ORDER, limit, after }, toEntry, (e) => ({ at: e.at, id: e.userId }));
  }

  /**
   * Removes the user's entry only if it was written before `before`: a late or redelivered event
   * must not undo an entry made after the fact it reports (e.g. re-added after re-joining).
   */
  async removeIfAddedBefore(key: GroupKey, userId: string, before: Date): Promise<number> {
    const result = await this.model.deleteMany({ ...key, userId, at: { $lte: before } });
    return result.deletedCount;
  }

  async purgeGroup(key: GroupKey): Promise<void> {
    await this.model.deleteMany(key);
  }
}
