import type { RequestContext } from '@cohort/bus';
import type { DomainEvent, EventMap, GroupKey } from '@cohort/contracts';
import type { Outbox, OutboxCollection } from '@cohort/outbox';
import { generateNumericId } from '@cohort/service-kit';

/** Random 53-bit ids collide rarely; a few attempts make a collision practically impossible to surface. */
const ID_ATTEMPTS = 5;

/** The events that announce a new item, whose data is the item itself (without its group). */
type CreationEvent = 'announcement.published' | 'file.added';

/** Where new items of one kind are stored: with the event of their creation, under an id unique in the group. */
export interface ContentInserts<K extends CreationEvent, V> {
  readonly outbox: OutboxCollection;
  /** null when the id is already taken in the group. */
  insert(key: GroupKey, fields: EventMap[K], event: DomainEvent): Promise<V | null>;
  filterOf(key: GroupKey, id: string): object;
}

/**
 * A new announcement or file: stored under a fresh numeric id with the event of its creation (one
 * insert; another id when the unique index says it is taken, no read first), then the event sent.
 */
export async function createWithEvent<K extends CreationEvent, V>(
  outbox: Outbox,
  ctx: RequestContext,
  store: ContentInserts<K, V>,
  key: GroupKey,
  type: K,
  fieldsOf: (id: string) => EventMap[K],
): Promise<V> {
  for (let attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
    const id = generateNumericId();
    const fields = fieldsOf(id);
    const event = outbox.prepare(type, ctx, key.groupId, fields);
    const item = await store.insert(key, fields, event);
    if (item !== null) {
      await outbox.flush(store.outbox, store.filterOf(key, id), [event]);
      return item;
    }
  }
  throw new Error(`no free id after ${ID_ATTEMPTS} attempts`);
}
