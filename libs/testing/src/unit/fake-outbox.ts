import type { RequestContext } from '@cohort/bus';
import type { DomainEvent, EventType } from '@cohort/contracts';
import type { Outbox } from '@cohort/outbox';

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
    flush: jest.fn(async () => true),
    flushBatch: jest.fn(
      async (_collection: unknown, items: { event: DomainEvent }[]) => new Set(items.map((i) => i.event.eventId)),
    ),
  };
  return outbox as unknown as jest.Mocked<Outbox>;
}

export function sentEvents(outbox: jest.Mocked<Outbox>): Pick<DomainEvent, 'type' | 'groupId' | 'data'>[] {
  const flushed = outbox.flush.mock.calls.flatMap(([, , events]) => events);
  const batched = outbox.flushBatch.mock.calls.flatMap(([, items]) => items.map((i) => i.event));
  return [...flushed, ...batched].map(({ type, groupId, data }) => ({ type, groupId, data }));
}
