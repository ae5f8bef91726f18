import { Schema as MongooseSchema, type FilterQuery, type Model } from 'mongoose';
import type { DomainEvent } from '@cohort/contracts';

/** What a document with an embedded outbox holds besides its own fields. */
export interface OutboxFields {
  /** Events of changes to this document, stored by the same atomic write as the change. */
  outbox: DomainEvent[];
  /** When the oldest unsent event was stored; absent when the outbox is empty (sparse index). */
  outboxSince?: Date;
}

/** Adds the outbox fields (and the sweep's sparse index) to a collection's schema. */
export function addOutbox(schema: MongooseSchema): void {
  schema.add({ outbox: { type: [MongooseSchema.Types.Mixed], default: [] }, outboxSince: { type: Date, required: false } });
  schema.index({ outboxSince: 1 }, { sparse: true });
}

/** Fields of a new document that stores `events` with itself (insert). */
export function outboxOnInsert(events: DomainEvent[]): OutboxFields {
  return events.length ? { outbox: events, outboxSince: new Date() } : { outbox: [] };
}

/** Update operators that store `events` with a change (merge them into the change's update). */
export function outboxOnUpdate(events: DomainEvent[]) {
  return { $push: { outbox: { $each: events } }, $min: { outboxSince: new Date() } };
}

/**
 * The outbox side of one collection, used by its repository: removing sent events and finding
 * documents whose events wait too long. The only outbox code that touches mongoose.
 */
export class OutboxCollection {
  private constructor(private readonly model: Model<OutboxFields>) {}

  /** The outbox side of a collection whose schema went through addOutbox. */
  static of<T>(model: Model<T>): OutboxCollection {
    return new OutboxCollection(model as unknown as Model<OutboxFields>);
  }

  get name(): string {
    return this.model.collection.name;
  }

  /** Drops events JetStream acknowledged; clears `outboxSince` once nothing is left. */
  async remove(filter: FilterQuery<unknown>, eventIds: string[]): Promise<void> {
    const own = filter as FilterQuery<OutboxFields>;
    await this.model.updateOne(own, { $pull: { outbox: { eventId: { $in: eventIds } } } });
    await this.model.updateOne({ ...own, outbox: { $size: 0 } }, { $unset: { outboxSince: 1 } });
  }

  /**
   * Drops sent events from many documents (each holding one of them) in one command when that was
   * all they held — the common case of a batch write — and pulls them one by one otherwise.
   */
  async removeFromMany(scope: FilterQuery<unknown>, eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    const own = { ...(scope as FilterQuery<OutboxFields>), 'outbox.eventId': { $in: eventIds } };
    const cleared = await this.model.updateMany({ ...own, outbox: { $size: 1 } }, { $set: { outbox: [] }, $unset: { outboxSince: 1 } });
    if (cleared.modifiedCount === eventIds.length) return;
    await this.model.updateMany(own, { $pull: { outbox: { eventId: { $in: eventIds } } } });
    await this.model.updateMany({ ...(scope as FilterQuery<OutboxFields>), outbox: { $size: 0 }, outboxSince: { $exists: true } }, { $unset: { outboxSince: 1 } });
  }

  /** Documents (any app) holding events stored before `olderThan`. */
  async findWaiting(olderThan: Date, limit: number): Promise<{ filter: FilterQuery<unknown>; events: DomainEvent[] }[]> {
    const docs = await this.model
      .find({ outboxSince: { $lt: olderThan } }, { _id: 1, outbox: 1 })
      .limit(limit)
      .lean<{ _id: unknown; outbox: DomainEvent[] }[]>();
    return docs.map((doc) => ({ filter: { _id: doc._id }, events: doc.outbox }));
  }
}
