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

/** The only code touching the delivery queues: their readiness and the leases instances hold on them. */
@Injectable()
export class QueueRepository {
  constructor(@InjectModel(QueueDoc.name) private readonly model: Model<QueueDoc>) {}

  /** New deliveries in these queues: they become ready (a queue backing off keeps its due time). */
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

  /** Takes the lease of the ready queue due first, if any: only its holder delivers it. */
  claim(owner: string, now: Date, leaseMs: number): Promise<QueueDoc | null> {
    return this.model
      .findOneAndUpdate(
        { ready: true, dueAt: { $lte: now }, leaseUntil: { $lte: now } },
        { $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) } },
        { new: true, sort: { dueAt: 1 } },
      )
      .lean<QueueDoc>();
  }

  /** Extends the lease; false when it was lost (taken over after it ran out). */
  async renew(queue: QueueDoc, owner: string, until: Date): Promise<boolean> {
    const { matchedCount } = await this.model.updateOne(
      { _id: queue._id, appId: queue.appId, leaseOwner: owner },
      { $set: { leaseUntil: until } },
    );
    return matchedCount === 1;
  }

  /** Gives the lease back; the queue is worked again from `dueAt`. */
  async release(queue: QueueDoc, owner: string, dueAt: Date): Promise<void> {
    await this.model.updateOne(
      { _id: queue._id, appId: queue.appId, leaseOwner: owner },
      { $set: { leaseOwner: null, leaseUntil: NEVER, dueAt } },
    );
  }

  /** Nothing left: the queue sleeps until the next ingestion, unless one came since `version` (then it stays ready). */
  async idle(queue: QueueDoc, owner: string, version: number, now: Date): Promise<void> {
    const { matchedCount } = await this.model.updateOne(
      { _id: queue._id, appId: queue.appId, leaseOwner: owner, version },
      { $set: { ready: false, leaseOwner: null, leaseUntil: NEVER } },
    );
    if (matchedCount === 0) await this.release(queue, owner, now);
  }

  /**
   * The endpoint is disabled: the queue sleeps until {@link resumeEndpoint}, unless that came since
   * `version` (then it is worked again at once).
   */
  pause(queue: QueueDoc, owner: string, version: number, now: Date): Promise<void> {
    return this.idle(queue, owner, version, now);
  }

  /** The endpoint is enabled again: its sleeping queues are worked (those with nothing pending go back to sleep). */
  async resumeEndpoint(appId: string, endpointId: string, now: Date): Promise<void> {
    await this.model.updateMany({ appId, endpointId }, { $set: { ready: true, dueAt: now }, $inc: { version: 1 } });
  }

  async deleteForEndpoint(appId: string, endpointId: string): Promise<void> {
    await this.model.deleteMany({ appId, endpointId });
  }

  /** The current version of a queue (what an idle check compares against). */
  async versionOf(queue: QueueDoc): Promise<number | null> {
    const doc = await this.model.findOne({ _id: queue._id, appId: queue.appId }, { version: 1 }).lean<QueueDoc>();
    return doc?.version ?? null;
  }
}
