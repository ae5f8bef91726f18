import type { DomainEvent } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { type FilterQuery, type Model, Schema as MongooseSchema } from 'mongoose';

import { type StoredEvents, Written } from './written';

/** What a document with an embedded outbox holds besides its own fields. */
export interface OutboxFields {
  /** Events of changes to this document, stored by the same atomic write as the change. */
  outbox: DomainEvent[];
  /** When the oldest unsent event was stored; absent when the outbox is empty (sparse index). */
  outboxSince?: Date;
}

/** Adds the outbox fields (and the sweep's sparse index) to a collection's schema. */
export function addOutbox(schema: MongooseSchema): void {
  schema.add({
    outbox: { type: [MongooseSchema.Types.Mixed], default: [] },
    outboxSince: { type: Date, required: false },
  });
  schema.index({ outboxSince: 1 }, { sparse: true });
}

/**
 * The most unsent events a document may hold. While JetStream refuses publishes, a document
 * changed often (a group, a chatroom's attributes) would otherwise grow without end toward
 * MongoDB's 16 MB limit; at this bound (about 1 MB of events) its next change is refused as
 * `unavailable` until the sweep has sent what waits.
 */
export const OUTBOX_LIMIT = 1_000;

/** Filter condition: the document's outbox has room for another event (add it to an update's filter). */
export const outboxHasRoom = () => ({ [`outbox.${OUTBOX_LIMIT - 1}`]: { $exists: false } });

/** Fields of a new document that stores `events` with itself (insert). */
export function outboxOnInsert(events: DomainEvent[]): OutboxFields {
  return events.length ? { outbox: events, outboxSince: new Date() } : { outbox: [] };
}

/** Update operators that store `events` with a change (merge them into the change's update). */
export function outboxOnUpdate(events: DomainEvent[]) {
  return { $push: { outbox: { $each: events } }, $min: { outboxSince: new Date() } };
}

/**
 * The outbox side of one collection, used by its repository: the result of a write with the events
 * it stored, removing sent events and finding documents whose events wait too long. The only
 * outbox code that touches mongoose.
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

  /** A batch write's result with the events it stored, document by document. */
  written<T>(value: T, stored: readonly StoredEvents[]): Written<T> {
    return new Written(value, this, stored, true);
  }

  /** A one-document write's result: `events` were stored with its change if it `changed`. */
  writtenIf<T>(changed: boolean, value: T, filter: FilterQuery<unknown>, events: readonly DomainEvent[]): Written<T> {
    return new Written(value, this, changed ? [{ filter, events }] : []);
  }

  /** Drops events JetStream acknowledged; clears `outboxSince` once nothing is left. */
  async remove(filter: FilterQuery<unknown>, eventIds: string[]): Promise<void> {
    const own = filter as FilterQuery<OutboxFields>;
    await this.model.updateOne(own, { $pull: { outbox: { eventId: { $in: eventIds } } } });
    await this.model.updateOne({ ...own, outbox: { $size: 0 } }, { $unset: { outboxSince: 1 } });
  }

  /**
   * Drops sent events from many documents, each found by its own exact key, in one command (a
   * bulk write). `outboxSince` is left for the sweep's forgetEmpty: clearing it here would need a
   * condition on the outbox, which turns a keyed update into a scan on the dev database.
   */
  async removeEach(sent: { filter: FilterQuery<unknown>; eventId: string }[]): Promise<void> {
    if (sent.length === 0) return;
    await this.model.bulkWrite(
      sent.map(({ filter, eventId }) => ({
        updateOne: { filter: filter as FilterQuery<OutboxFields>, update: { $pull: { outbox: { eventId } } } },
      })),
      { ordered: false },
    );
  }

  /** Clears `outboxSince` of documents whose events have all been sent since (one command). */
  async forgetEmpty(olderThan: Date): Promise<void> {
    await this.model.updateMany(
      { outboxSince: { $lt: olderThan }, outbox: { $size: 0 } },
      { $unset: { outboxSince: 1 } },
    );
  }

  /**
   * After a change whose filter held outboxHasRoom() matched nothing: throws `unavailable` when the
   * reason was a full outbox (the caller's own reasons — not found, another version — otherwise).
   */
  async assertHasRoom(filter: FilterQuery<unknown>): Promise<void> {
    const full = await this.model.exists({
      ...(filter as FilterQuery<OutboxFields>),
      [`outbox.${OUTBOX_LIMIT - 1}`]: { $exists: true },
    });
    if (full) throw new DomainError('unavailable', 'events cannot be published right now: try again later');
  }

  /** How many documents (any app) hold events not published yet: the backlog metric. */
  countWaiting(): Promise<number> {
    return this.model.countDocuments({ outboxSince: { $exists: true }, 'outbox.0': { $exists: true } });
  }

  /** Documents (any app) holding events stored before `olderThan`. */
  async findWaiting(
    olderThan: Date,
    limit: number,
  ): Promise<{ filter: FilterQuery<unknown>; events: DomainEvent[] }[]> {
    const docs = await this.model
      .find({ outboxSince: { $lt: olderThan }, 'outbox.0': { $exists: true } }, { _id: 1, outbox: 1 })
      .limit(limit)
      .lean<{ _id: unknown; outbox: DomainEvent[] }[]>();
    return docs.map((doc) => ({ filter: { _id: doc._id }, events: doc.outbox }));
  }
}
