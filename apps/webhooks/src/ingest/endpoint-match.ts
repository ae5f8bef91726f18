import { ALL_EVENTS, type DomainEvent } from '@cohort/contracts';

import type { EndpointDoc } from '../endpoints/schemas/endpoint.schema';
import { hasEasemobCounterpart } from '../formats/easemob-format';

/** Not older than the endpoint: history is for replays. */
export function endpointWants(
  endpoint: Pick<EndpointDoc, 'events' | 'format' | 'createdAt'>,
  event: Pick<DomainEvent, 'type' | 'occurredAt'>,
): boolean {
  if (!endpoint.events.includes(ALL_EVENTS) && !endpoint.events.includes(event.type)) return false;
  if (endpoint.format === 'easemob' && !hasEasemobCounterpart(event.type)) return false;
  return Date.parse(event.occurredAt) >= endpoint.createdAt.getTime();
}
