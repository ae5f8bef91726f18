import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { QueueDoc } from './schemas/queue.schema';

export interface QueueRef {
  key: string;
  appId: string;
  endpointId: string;
  replay: boolean;
}

const NEVER = new Date(0);

@Injectable()
export class QueueRepository {
  constructor(@InjectModel(QueueDoc.name) private readonly model: Model<QueueDoc>) {}

  /** A queue backing off keeps its due time. */
  async touch(queues: QueueRef[]): Promise<void> {
    if (queues.length === 0) return;
    await this.model.bulkWrite(
      queues.map((q) => ({
        updateOne: {
          filter: { _id: q.key, appId: q.appId },
          update: {
            $set: { ready: true },
            $inc: { version: 1 },
            $setOnInsert: {
              endpointId: q.endpointId,
              replay: q.replay,
              dueAt: NEVER,
              leaseUntil: NEVER,
              leaseOwner: null,
            },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** Only the lease's holder delivers the queue. */
  claim(owner: string, now: Date, leaseMs: number): Promise<QueueDoc | null> {
    return this.model
      .findOneAndUpdate(
        { ready: true, dueAt: { $lte: now }, leaseUntil: { $lte: now } },
        { $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) } },
        { new: true, sort: { dueAt: 1 } },
      )
      .lean<QueueDoc>();
  }

  /** False when it was lost (taken over after it ran out). */
  async renew(queue: QueueDoc, owner: string, until: Date): Promise<boolean> {
    const { matchedCount } = await this.model.updateOne(
      { _id: queue._id, appId: queue.appId, leaseOwner: owner },
      { $set: { leaseUntil: until } },
    );
    return matchedCount === 1;
  }

  async release(queue: QueueDoc, owner: string, dueAt: Date): Promise<void> {
    await this.model.updateOne(
      { _id: queue._id, appId: queue.appId, leaseOwner: owner },
      { $set: { leaseOwner: null, leaseUntil: NEVER, dueAt } },
    );
  }

  /** Sleeps until the next ingestion, unless one came since `version` (then it stays ready). */
  async idle(queue: QueueDoc, owner: string, version: number, now: Date): Promise<void> {
    const { matchedCount } = await this.model.updateOne(
      { _id: queue._id, appId: queue.appId, leaseOwner: owner, version },
      { $set: { ready: false, leaseOwner: null, leaseUntil: NEVER } },
    );
    if (matchedCount === 0) await this.release(queue, owner, now);
  }

  /** Sleeps until {@link resumeEndpoint}, unless it came since `version` (then it is worked at once). */
  pause(queue: QueueDoc, owner: string, version: number, now: Date): Promise<void> {
    return this.idle(queue, owner, version, now);
  }

  /** Those with nothing pending go back to sleep. */
  async resumeEndpoint(appId: string, endpointId: string, now: Date): Promise<void> {
    await this.model.updateMany({ appId, endpointId }, { $set: { ready: true, dueAt: now }, $inc: { version: 1 } });
  }

  async deleteForEndpoint(appId: string, endpointId: string): Promise<void> {
    await this.model.deleteMany({ appId, endpointId });
  }

  async versionOf(queue: QueueDoc): Promise<number | null> {
    const doc = await this.model.findOne({ _id: queue._id, appId: queue.appId }, { version: 1 }).lean<QueueDoc>();
    return doc?.version ?? null;
  }
}
