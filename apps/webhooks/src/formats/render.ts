import type { DomainEvent, GroupType, WebhookFormat } from '@cohort/contracts';

import { easemobCallbackBody, easemobSecurity } from './easemob-format';
import { type SignedRequest, signStandard } from './standard-format';

/** What a delivery needs to be rendered in its endpoint's format. */
export interface RenderInput {
  format: WebhookFormat;
  /** The secrets that sign now, newest first. */
  secrets: string[];
  orgName: string;
  appName: string;
  deliveryId: string;
  event: DomainEvent;
  sequence: number;
  groupType: GroupType;
}

/** The `standard` body: the event as docs/events.md documents it, with its stream sequence. */
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

/** The request of one attempt; null when the event has nothing to say in the format (Easemob without a counterpart). */
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

/** A `ping` (the test call) in the endpoint's format. */
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
