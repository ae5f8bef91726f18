import type { DomainEvent, EventType } from '@cohort/contracts';
import { DiscoveryService } from '@nestjs/core';

/** Where a handled event sits in the stream (for consumers that order or resume by it). */
export interface EventDelivery {
  streamSequence: number;
}

export interface DomainEventHandler<K extends EventType> {
  handle(event: DomainEvent<K>, delivery: EventDelivery): Promise<void>;
}

/** Every event type: a handler of `*` gets the whole stream through one durable consumer `<service>__all`. */
export const ANY_EVENT = '*';
export type HandledEvent = EventType | typeof ANY_EVENT;

/** Discovery metadata: which event a provider handles (read by the consumer runner). */
export const HANDLED_EVENT = DiscoveryService.createDecorator<HandledEvent>();

/** The durable consumer name of a service's handler of `type`. */
export function durableNameOf(serviceName: string, type: HandledEvent): string {
  return `${serviceName}__${type === ANY_EVENT ? 'all' : type.replace(/\./g, '_')}`;
}

/**
 * Makes a provider the handler of one event type, typed: its `handle` must take that event. The
 * consumer runner gives it the durable JetStream consumer `<service>__<event>`, and refuses a
 * second handler of the same event in one service (they would split the events between them).
 * Handlers MUST be idempotent: an event may be delivered more than once.
 */
export function OnEvent<K extends EventType>(type: K | typeof ANY_EVENT) {
  return <T extends new (...args: never[]) => DomainEventHandler<K>>(target: T): void => {
    HANDLED_EVENT(type)(target);
  };
}

/**
 * Thrown by a handler that must not act yet (another path is expected to do the work first): the
 * event is delivered again after `delayMs`, without a warning, as often as it takes.
 */
export class HandleLater extends Error {
  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
  }
}
