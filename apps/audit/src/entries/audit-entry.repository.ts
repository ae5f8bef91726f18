import type { AuditEntryView, ListAuditCommand } from '@cohort/contracts';
import {
  findKeysetPage,
  isDuplicateKeyError,
  type KeysetCursor,
  type KeysetOrder,
  type KeysetPage,
} from '@cohort/mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';

import { AuditEntryDoc } from './schemas/audit-entry.schema';

export type AuditFilter = Omit<ListAuditCommand, 'cursor' | 'limit'>;

const NEWEST_FIRST: KeysetOrder = { timeField: 'at', idField: 'entryId', direction: -1 };

function toView(doc: AuditEntryDoc): AuditEntryView {
  return {
    entryId: doc.entryId,
    at: doc.at.getTime(),
    action: doc.action,
    groupId: doc.groupId,
    actor: { kind: doc.actorKind, userId: doc.actorId ?? null },
    targets: doc.targets ?? [],
    before: doc.before ?? null,
    after: doc.after ?? null,
    requestId: doc.requestId,
  };
}

function toFilter(appId: string, f: AuditFilter): FilterQuery<AuditEntryDoc> {
  const filter: FilterQuery<AuditEntryDoc> = { appId };
  if (f.groupId) filter.groupId = f.groupId;
  if (f.actorId) filter.actorId = f.actorId;
  if (f.actorKind) filter.actorKind = f.actorKind;
  if (f.targetUserId) filter.targets = f.targetUserId;
  if (f.action) filter.action = f.action;
  if (f.from !== undefined || f.to !== undefined) {
    filter.at = {
      ...(f.from !== undefined && { $gte: new Date(f.from) }),
      ...(f.to !== undefined && { $lt: new Date(f.to) }),
    };
  }
  return filter;
}

/** Entries are never updated. */
@Injectable()
export class AuditEntryRepository {
  constructor(@InjectModel(AuditEntryDoc.name) private readonly model: Model<AuditEntryDoc>) {}

  /** A redelivered event finds its entry and changes nothing. */
  async record(appId: string, entry: AuditEntryView): Promise<void> {
    try {
      await this.model.create({
        appId,
        entryId: entry.entryId,
        at: new Date(entry.at),
        action: entry.action,
        groupId: entry.groupId,
        actorKind: entry.actor.kind,
        actorId: entry.actor.userId,
        targets: entry.targets,
        before: entry.before,
        after: entry.after,
        requestId: entry.requestId,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** One indexed query per page wherever the page is. */
  page(appId: string, filter: AuditFilter, limit: number, after?: KeysetCursor): Promise<KeysetPage<AuditEntryView>> {
    return findKeysetPage(
      this.model,
      { filter: toFilter(appId, filter), order: NEWEST_FIRST, limit, after },
      toView,
      (e) => ({ at: e.at, id: e.entryId }),
    );
  }

  countSince(appId: string, since: Date): Promise<number> {
    return this.model.countDocuments({ appId, at: { $gte: since } });
  }

  apps(): Promise<string[]> {
    return this.model.distinct('appId');
  }

  async deleteOlder(appId: string, before: Date, limit: number): Promise<number> {
    const old = await this.model
      .find({ appId, at: { $lt: before } }, { _id: 1 })
      .sort({ at: 1 })
      .limit(limit)
      .lean();
    if (!old.length) return 0;
    const { deletedCount } = await this.model.deleteMany({ _id: { $in: old.map((d) => d._id) } });
    return deletedCount;
  }
}
