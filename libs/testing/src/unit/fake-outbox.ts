import type { RequestContext } from '@cohort/bus';
import type { DomainEvent, EventType } from '@cohort/contracts';
import { type Outbox, type OutboxCollection, Written } from '@cohort/outbox';

export function fakeOutbox(): jest.Mocked<Outbox> {
  let next = 0;
  const outbox = {
    prepare: jest.fn((type: EventType, ctx: RequestContext, groupId: string, data: unknown, dedupKey?: string) => ({
      eventId: dedupKey ? `${type}:${ctx.caller.appId}:${dedupKey}` : `event-${++next}`,
      type,
      occurredAt: new Date(0).toISOString(),
      appId: ctx.caller.appId,
      groupId,
      actor: { userId: ctx.caller.userId, isAppAdmin: ctx.caller.isAppAdmin },
      correlationId: ctx.requestId,
      data,
    })),
    commit: jest.fn(async (written: Written<unknown>) => written.value),
  };
  return outbox as unknown as jest.Mocked<Outbox>;
}

export function sentEvents(outbox: jest.Mocked<Outbox>): Pick<DomainEvent, 'type' | 'groupId' | 'data'>[] {
  return outbox.commit.mock.calls
    .flatMap(([written]) => written.events)
    .map(({ type, groupId, data }) => ({ type, groupId, data }));
}

/** The one collection every mocked write stores in (writes combined by `Written.all` share it). */
const FAKE_COLLECTION = { name: 'fake' } as OutboxCollection;

/** What a mocked repository write answers: `value`, with `events` stored (one document each). */
export function written<T>(value: T, ...events: DomainEvent[]): Written<T> {
  const stored = events.map((event) => ({ filter: {}, events: [event] }));
  return new Written(value, FAKE_COLLECTION, stored, true);
}
