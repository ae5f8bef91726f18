import type { DomainEvent, EventType } from '@cohort/contracts';
import { DiscoveryService } from '@nestjs/core';

export interface EventDelivery {
  streamSequence: number;
}

export interface DomainEventHandler<K extends EventType> {
  handle(event: DomainEvent<K>, delivery: EventDelivery): Promise<void>;
}

/** Every event type: a handler of `*` gets the whole stream through one durable consumer `<service>__all`. */
export const ANY_EVENT = '*';
export type HandledEvent = EventType | typeof ANY_EVENT;

export const HANDLED_EVENT = DiscoveryService.createDecorator<HandledEvent>();

export function durableNameOf(serviceName: string, type: HandledEvent): string {
  return `${serviceName}__${type === ANY_EVENT ? 'all' : type.replace(/\./g, '_')}`;
}

/**
 * Each handler gets the durable consumer `<service>__<event>`, so a second handler of one event in a
 * service is refused (they would split the events). Handlers MUST be idempotent: events are redelivered.
 */
export function OnEvent<K extends EventType>(type: K | typeof ANY_EVENT) {
  return <T extends new (...args: never[]) => DomainEventHandler<K>>(target: T): void => {
    HANDLED_EVENT(type)(target);
  };
}

/** Not yet (another path should act first): redelivered after `delayMs`, without a warning. */
export class HandleLater extends Error {
  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
  }
}
