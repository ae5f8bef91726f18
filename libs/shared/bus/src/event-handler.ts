import { DiscoveryService } from '@nestjs/core';
import type { DomainEvent, EventType } from '@cohort/contracts';

/**
 * Marks a provider as the handler of one event type. The consumer runner gives each handler its
 * own durable JetStream consumer named `<service>__<event>`. Handlers MUST be idempotent: an event
 * may be delivered more than once.
 */
export const HandlesEvent = DiscoveryService.createDecorator<EventType>();

export interface DomainEventHandler<K extends EventType> {
  handle(event: DomainEvent<K>): Promise<void>;
}
