import type { DomainEvent } from '@cohort/contracts';
import type { FilterQuery } from 'mongoose';

import type { OutboxCollection } from './outbox-collection';

/** The events one write stored in one document's outbox, and the exact filter of that document. */
export interface StoredEvents {
  readonly filter: FilterQuery<unknown>;
  readonly events: readonly DomainEvent[];
}

/**
 * What a repository write returns: its result, and the events it stored in the outboxes of the
 * documents it changed, each by the same single-document atomic update as its document's change.
 * Not published yet: the service ends the write with `outbox.commit(written)`.
 */
export class Written<T> {
  /**
   * Repositories use their collection's `written` / `writtenIf`. `collection` is null when nothing
   * was stored; `batch`: the write spans documents (their events are removed in one command).
   */
  constructor(
    readonly value: T,
    readonly collection: OutboxCollection | null,
    readonly stored: readonly StoredEvents[],
    readonly batch = false,
  ) {}

  /** A write that changed nothing, so stored no event. */
  static nothing<T>(value: T): Written<T> {
    return new Written(value, null, []);
  }

  /** Several writes to one collection as one: their results in order, all their events. */
  static all<T>(writes: readonly Written<T>[]): Written<T[]> {
    const collections = new Set(writes.flatMap((w) => (w.collection ? [w.collection] : [])));
    if (collections.size > 1) throw new Error('Written.all: writes to different collections');
    const [collection = null] = collections;
    return new Written(
      writes.map((w) => w.value),
      collection,
      writes.flatMap((w) => w.stored),
      true,
    );
  }

  /** Every stored event, document by document. */
  get events(): DomainEvent[] {
    return this.stored.flatMap((s) => s.events);
  }
}
