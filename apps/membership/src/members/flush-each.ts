import type { DomainEvent, GroupKey } from '@cohort/contracts';
import type { Outbox, OutboxCollection } from '@cohort/outbox';

/**
 * Sends each member document's own event and removes them from their outboxes in one command.
 * Returns the users whose event went out (the others wait for the outbox sweep).
 */
export async function flushEach(
  outbox: Outbox,
  collection: OutboxCollection,
  key: GroupKey,
  items: { userId: string; event: DomainEvent }[],
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const sent = await outbox.flushBatch(
    collection,
    items.map((i) => ({ filter: { ...key, userId: i.userId }, event: i.event })),
  );
  return new Set(items.filter((i) => sent.has(i.event.eventId)).map((i) => i.userId));
}
