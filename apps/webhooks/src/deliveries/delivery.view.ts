import type { WebhookDeliveryView } from '@cohort/contracts';

import type { DeliveryDoc } from './schemas/delivery.schema';

export function toDeliveryView(doc: DeliveryDoc): WebhookDeliveryView {
  return {
    deliveryId: doc._id,
    endpointId: doc.endpointId,
    eventId: doc.eventId,
    eventType: doc.eventType,
    groupId: doc.groupId,
    sequence: doc.sequence,
    occurredAt: doc.occurredAt.getTime(),
    state: doc.state,
    attempts: doc.attempts,
    lastStatus: doc.lastStatus,
    lastError: doc.lastError,
    lastLatencyMs: doc.lastLatencyMs,
    nextAttemptAt: doc.state === 'pending' ? doc.nextAttemptAt.getTime() : null,
    deliveredAt: doc.deliveredAt?.getTime() ?? null,
    replayId: doc.replayId,
    targetUrl: doc.targetUrl,
  };
}
