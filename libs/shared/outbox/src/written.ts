import type { DomainEvent } from '@cohort/contracts';
import type { FilterQuery } from 'mongoose';

import type { OutboxCollection } from './outbox-collection';

export interface StoredEvents {
  readonly filter: FilterQuery<unknown>;
  readonly events: readonly DomainEvent[];
}

/** A repository write's result and the events it stored, not published until `outbox.commit`. */
export class Written<T> {
  /** `batch`: the write spans documents, whose sent events are removed in one command. */
  constructor(
    readonly value: T,
    readonly collection: OutboxCollection | null,
    readonly stored: readonly StoredEvents[],
    readonly batch = false,
  ) {}

  static nothing<T>(value: T): Written<T> {
    return new Written(value, null, []);
  }

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

  get events(): DomainEvent[] {
    return this.stored.flatMap((s) => s.events);
  }
}
