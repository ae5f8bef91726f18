import { DiscoveryService } from '@nestjs/core';
import type { DomainEvent, EventType } from '@cohort/contracts';

export interface DomainEventHandler<K extends EventType> {
  handle(event: DomainEvent<K>): Promise<void>;
}

/** Discovery metadata: which event a provider handles (read by the consumer runner). */
export const HANDLED_EVENT = DiscoveryService.createDecorator<EventType>();

/**
 * Makes a provider the handler of one event type, typed: its `handle` must take that event. The
 * consumer runner gives it the durable JetStream consumer `<service>__<event>`, and refuses a
 * second handler of the same event in one service (they would split the events between them).
 * Handlers MUST be idempotent: an event may be delivered more than once.
 */
export function OnEvent<K extends EventType>(type: K) {
  return <T extends new (...args: never[]) => DomainEventHandler<K>>(target: T): void => {
    HANDLED_EVENT(type)(target);
  };
}
