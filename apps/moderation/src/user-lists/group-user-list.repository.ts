import type { AnyBulkWriteOperation, Model } from 'mongoose';
import type { DomainEvent, GroupKey } from '@cohort/contracts';
import { findKeysetPage, isDuplicateKeyError, type KeysetCursor, type KeysetPage } from '@cohort/mongo';
import { OutboxCollection, outboxOnUpdate, type OutboxOwner } from '@cohort/outbox';
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

const ON_LIST = { active: true };

/**
 * Shared storage logic of the blocklist and the allowlist: same shape, different collections.
 * Subclasses only inject their model (and mark themselves @HasOutbox()), so each stays the only
 * code touching its collection.
 */
export abstract class GroupUserListRepository implements OutboxOwner {
  readonly outbox: OutboxCollection;

  protected constructor(private readonly model: Model<GroupUserEntryDoc>) {
    this.outbox = OutboxCollection.of(model);
  }

  /**
   * Puts users on the list (`active` true) or takes them off (false) in one command, each with the
   * event of its change; a user put back goes to the end of the list.
   */
  async setMany(key: GroupKey, changes: { userId: string; event: DomainEvent }[], active: boolean, by: string | null, at: Date = new Date()): Promise<void> {
    if (changes.length === 0) return;
    const ops: AnyBulkWriteOperation<GroupUserEntryDoc>[] = changes.map(({ userId, event }) => ({
      updateOne: { filter: { ...key, userId }, update: { $set: { active, by, at }, ...outboxOnUpdate([event]) }, upsert: true },
    }));
    try {
      await this.model.bulkWrite(ops, { ordered: false });
    } catch (error) {
      // Two concurrent first entries of one (group, user): the loser's upsert is retried as an update.
      if (!isDuplicateKeyError(error)) throw error;
      await this.model.bulkWrite(ops, { ordered: false });
    }
  }

  /** The entries of these users on the list now (absent users are simply missing from the result). */
  async find(key: GroupKey, userIds: string[]): Promise<GroupUserEntry[]> {
    const docs = await this.model.find({ ...key, ...ON_LIST, userId: { $in: userIds } }).lean();
    return docs.map(toEntry);
  }

  /** In (at, userId) order; `after` is the `next` of the previous page. */
  async listPage(key: GroupKey, limit: number, after?: KeysetCursor): Promise<KeysetPage<GroupUserEntry>> {
    return findKeysetPage(this.model, { filter: { ...key, ...ON_LIST }, order: LIST_ORDER, limit, after }, toEntry, (e) => ({ at: e.at, id: e.userId }));
  }

  async count(key: GroupKey): Promise<number> {
    return this.model.countDocuments({ ...key, ...ON_LIST });
  }

  /**
   * Takes the user off only if put on before `before`: a late or redelivered event must not undo
   * an entry made after the fact it reports (e.g. re-added after re-joining). No event: the
   * departure that causes it has its own.
   */
  async removeIfAddedBefore(key: GroupKey, userId: string, before: Date): Promise<number> {
    const result = await this.model.updateMany({ ...key, ...ON_LIST, userId, at: { $lte: before } }, { $set: { active: false } });
    return result.modifiedCount;
  }

  async purgeGroup(key: GroupKey): Promise<void> {
    await this.model.deleteMany(key);
  }
}
