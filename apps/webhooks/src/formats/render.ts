import type { DomainEvent, GroupType, WebhookFormat } from '@cohort/contracts';

import { easemobCallbackBody, easemobSecurity } from './easemob-format';
import { type SignedRequest, signStandard } from './standard-format';

export interface RenderInput {
  format: WebhookFormat;
  /** Newest first. */
  secrets: string[];
  orgName: string;
  appName: string;
  deliveryId: string;
  event: DomainEvent;
  sequence: number;
  groupType: GroupType;
}

/** The event as docs/events.md documents it, with its stream sequence. */
export function standardBody(event: DomainEvent, sequence: number): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt,
    eventId: event.eventId,
    appId: event.appId,
    groupId: event.groupId,
    sequence,
    actor: event.actor,
    correlationId: event.correlationId,
    data: event.data,
  });
}

/** Null when the format has nothing to say of the event (Easemob without a counterpart). */
export function renderDelivery(input: RenderInput, nowMs: number): SignedRequest | null {
  if (input.format === 'standard')
    return signStandard(input.event.eventId, standardBody(input.event, input.sequence), input.secrets, nowMs);
  const body = easemobCallbackBody({
    event: input.event,
    groupType: input.groupType,
    orgName: input.orgName,
    appName: input.appName,
    callUuid: input.deliveryId,
    secret: input.secrets[0],
  });
  return body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : null;
}

export function renderPing(
  input: Pick<RenderInput, 'format' | 'secrets' | 'orgName' | 'appName'>,
  appId: string,
  endpointId: string,
  pingId: string,
  nowMs: number,
): SignedRequest {
  if (input.format === 'standard') {
    const body = JSON.stringify({
      type: 'ping',
      timestamp: new Date(nowMs).toISOString(),
      appId,
      data: { endpointId },
    });
    return signStandard(`ping_${pingId}`, body, input.secrets, nowMs);
  }
  const appkey = `${input.orgName}#${input.appName}`;
  const callId = `${appkey}_${pingId}`;
  const body = {
    callId,
    security: easemobSecurity(callId, input.secrets[0], nowMs),
    appkey,
    event: 'ping',
    timestamp: nowMs,
  };
  return { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}
