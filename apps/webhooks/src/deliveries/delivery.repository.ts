import type { DeliveryState } from '@cohort/contracts';
import { findKeysetPage, type KeysetCursor, type KeysetPage, nonDuplicateWriteErrors } from '@cohort/mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';

import { DeliveryDoc } from './schemas/delivery.schema';

export interface AttemptRecord {
  status: number | null;
  error: string | null;
  latencyMs: number;
  at: Date;
}

export type NewDelivery = Omit<
  DeliveryDoc,
  'attempts' | 'firstAttemptAt' | 'lastStatus' | 'lastError' | 'lastLatencyMs' | 'deliveredAt' | 'state'
>;

export type ReplaySelection = { from: Date; to: Date } | { eventIds: string[] };

const FINISHED: DeliveryState[] = ['succeeded', 'failed'];

const NEWEST_FIRST = { timeField: 'occurredAt', idField: '_id', direction: -1 } as const;

@Injectable()
export class DeliveryRepository {
  constructor(@InjectModel(DeliveryDoc.name) private readonly model: Model<DeliveryDoc>) {}

  /** Those already stored (a redelivered event) are left as they are. */
  async insertNew(deliveries: NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    try {
      await this.model.insertMany(
        deliveries.map((d) => ({ ...d, state: 'pending', attempts: 0 })),
        { ordered: false },
      );
    } catch (error) {
      if (nonDuplicateWriteErrors(error).length > 0) throw error;
    }
  }

  next(appId: string, queueKey: string, maxSequence: number | null, limit: number): Promise<DeliveryDoc[]> {
    const filter: FilterQuery<DeliveryDoc> = { appId, queueKey, state: 'pending' };
    if (maxSequence !== null) filter.sequence = { $lte: maxSequence };
    return this.model.find(filter).sort({ sequence: 1, _id: 1 }).limit(limit).lean<DeliveryDoc[]>();
  }

  async hasPending(appId: string, queueKey: string): Promise<boolean> {
    return (await this.model.exists({ appId, queueKey, state: 'pending' })) !== null;
  }

  async succeeded(appId: string, deliveryId: string, attempt: AttemptRecord): Promise<void> {
    await this.model.updateOne(
      { _id: deliveryId, appId },
      {
        $set: { state: 'succeeded', deliveredAt: attempt.at, ...this.attemptFields(attempt) },
        $inc: { attempts: 1 },
        $min: { firstAttemptAt: attempt.at },
      },
    );
  }

  async retryAt(appId: string, deliveryId: string, attempt: AttemptRecord, nextAttemptAt: Date): Promise<void> {
    await this.model.updateOne(
      { _id: deliveryId, appId },
      {
        $set: { nextAttemptAt, ...this.attemptFields(attempt) },
        $inc: { attempts: 1 },
        $min: { firstAttemptAt: attempt.at },
      },
    );
  }

  async failed(appId: string, deliveryId: string, attempt: AttemptRecord | null, reason?: string): Promise<void> {
    const set = attempt ? this.attemptFields(attempt) : {};
    await this.model.updateOne(
      { _id: deliveryId, appId },
      {
        $set: { state: 'failed', ...set, ...(reason ? { lastError: reason } : {}) },
        ...(attempt ? { $inc: { attempts: 1 }, $min: { firstAttemptAt: attempt.at } } : {}),
      },
    );
  }

  async failAllPending(appId: string, endpointId: string, reason: string): Promise<void> {
    await this.model.updateMany(
      { appId, endpointId, state: 'pending' },
      { $set: { state: 'failed', lastError: reason } },
    );
  }

  page(
    appId: string,
    endpointId: string,
    state: DeliveryState | undefined,
    limit: number,
    after?: KeysetCursor,
  ): Promise<KeysetPage<DeliveryDoc>> {
    const filter: FilterQuery<DeliveryDoc> = { appId, endpointId, ...(state ? { state } : {}) };
    return findKeysetPage(
      this.model,
      { filter, order: NEWEST_FIRST, limit, after },
      (doc) => doc,
      (doc) => ({ at: doc.occurredAt.getTime(), id: doc._id }),
    );
  }

  countPending(appId: string): Promise<number> {
    return this.model.countDocuments({ appId, state: 'pending' });
  }

  count(appId: string, endpointId: string, state?: DeliveryState): Promise<number> {
    return this.model.countDocuments({ appId, endpointId, ...(state ? { state } : {}) });
  }

  forReplay(appId: string, endpointId: string, selection: ReplaySelection, limit: number): Promise<DeliveryDoc[]> {
    const which =
      'eventIds' in selection
        ? { eventId: { $in: selection.eventIds } }
        : { occurredAt: { $gte: selection.from, $lt: selection.to } };
    return this.model
      .find({ appId, endpointId, replayId: null, ...which })
      .sort({ sequence: 1, _id: 1 })
      .limit(limit)
      .lean<DeliveryDoc[]>();
  }

  /** Pending ones stay whatever their age. */
  async deleteFinishedBefore(appId: string, before: Date, limit: number): Promise<number> {
    const old = await this.model
      .find({ appId, state: { $in: FINISHED }, occurredAt: { $lt: before } }, { _id: 1 })
      .sort({ occurredAt: 1 })
      .limit(limit)
      .lean<Pick<DeliveryDoc, '_id'>[]>();
    if (old.length === 0) return 0;
    const { deletedCount } = await this.model.deleteMany({
      appId,
      _id: { $in: old.map((d) => d._id) },
      state: { $in: FINISHED },
    });
    return deletedCount;
  }

  private attemptFields(attempt: AttemptRecord) {
    return { lastStatus: attempt.status, lastError: attempt.error, lastLatencyMs: attempt.latencyMs };
  }
}
