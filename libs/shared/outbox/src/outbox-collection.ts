import type { DomainEvent } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { type FilterQuery, type Model, Schema as MongooseSchema } from 'mongoose';

import { type StoredEvents, Written } from './written';

export interface OutboxFields {
  outbox: DomainEvent[];
  /** Absent when the outbox is empty, for the sparse index. */
  outboxSince?: Date;
}

export function addOutbox(schema: MongooseSchema): void {
  schema.add({
    outbox: { type: [MongooseSchema.Types.Mixed], default: [] },
    outboxSince: { type: Date, required: false },
  });
  schema.index({ outboxSince: 1 }, { sparse: true });
}

/**
 * While JetStream refuses publishes, a document changed often would otherwise grow toward MongoDB's
 * 16 MB limit; at this bound its next change is refused as `unavailable`.
 */
export const OUTBOX_LIMIT = 1_000;

export const outboxHasRoom = () => ({ [`outbox.${OUTBOX_LIMIT - 1}`]: { $exists: false } });

export function outboxOnInsert(events: DomainEvent[]): OutboxFields {
  return events.length ? { outbox: events, outboxSince: new Date() } : { outbox: [] };
}

export function outboxOnUpdate(events: DomainEvent[]) {
  return { $push: { outbox: { $each: events } }, $min: { outboxSince: new Date() } };
}

export class OutboxCollection {
  private constructor(private readonly model: Model<OutboxFields>) {}

  static of<T>(model: Model<T>): OutboxCollection {
    return new OutboxCollection(model as unknown as Model<OutboxFields>);
  }

  get name(): string {
    return this.model.collection.name;
  }

  written<T>(value: T, stored: readonly StoredEvents[]): Written<T> {
    return new Written(value, this, stored, true);
  }

  writtenIf<T>(changed: boolean, value: T, filter: FilterQuery<unknown>, events: readonly DomainEvent[]): Written<T> {
    return new Written(value, this, changed ? [{ filter, events }] : []);
  }

  async remove(filter: FilterQuery<unknown>, eventIds: string[]): Promise<void> {
    const own = filter as FilterQuery<OutboxFields>;
    await this.model.updateOne(own, { $pull: { outbox: { eventId: { $in: eventIds } } } });
    await this.model.updateOne({ ...own, outbox: { $size: 0 } }, { $unset: { outboxSince: 1 } });
  }

  /**
   * `outboxSince` is left for forgetEmpty: clearing it here needs a condition on the outbox, which
   * turns a keyed update into a scan on the dev database.
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

  async forgetEmpty(olderThan: Date): Promise<void> {
    await this.model.updateMany(
      { outboxSince: { $lt: olderThan }, outbox: { $size: 0 } },
      { $unset: { outboxSince: 1 } },
    );
  }

  /** After a change whose filter held outboxHasRoom() matched nothing, tells a full outbox from the caller's reasons. */
  async assertHasRoom(filter: FilterQuery<unknown>): Promise<void> {
    const full = await this.model.exists({
      ...(filter as FilterQuery<OutboxFields>),
      [`outbox.${OUTBOX_LIMIT - 1}`]: { $exists: true },
    });
    if (full) throw new DomainError('unavailable', 'events cannot be published right now: try again later');
  }

  countWaiting(): Promise<number> {
    return this.model.countDocuments({ outboxSince: { $exists: true }, 'outbox.0': { $exists: true } });
  }

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
