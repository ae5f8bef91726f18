import type { DomainEvent, GroupKey } from '@cohort/contracts';
import type { Outbox, OutboxCollection } from '@cohort/outbox';

/** Events sent at once (bounded, for 100k-member rooms). */
const PUBLISH_CHUNK = 200;

/**
 * Sends each member document's own event and clears it from that document's outbox. Returns the
 * users whose event went out (the others wait for the outbox sweep).
 */
export async function flushEach(outbox: Outbox, collection: OutboxCollection, key: GroupKey, items: { userId: string; event: DomainEvent }[]): Promise<Set<string>> {
  const sent = new Set<string>();
  for (let i = 0; i < items.length; i += PUBLISH_CHUNK) {
    await Promise.all(
      items.slice(i, i + PUBLISH_CHUNK).map(async (item) => {
        if (await outbox.flush(collection, { ...key, userId: item.userId }, [item.event])) sent.add(item.userId);
      }),
    );
  }
  return sent;
}
