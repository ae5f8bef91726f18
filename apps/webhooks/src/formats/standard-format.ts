import { createHmac } from 'node:crypto';

import { standardKeyOf } from '../endpoints/secrets';

/** A request ready to send: its body bytes and the headers that authenticate it. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * Standard Webhooks v1: `webhook-signature` is `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`,
 * one per secret that signs (space-separated during a rotation). The id stays the same across
 * retries; the timestamp is the attempt's, in seconds.
 */
export function signStandard(webhookId: string, body: string, secrets: string[], nowMs: number): SignedRequest {
  const timestamp = String(Math.floor(nowMs / 1000));
  const content = `${webhookId}.${timestamp}.${body}`;
  const signatures = secrets.map(
    (secret) => `v1,${createHmac('sha256', standardKeyOf(secret)).update(content).digest('base64')}`,
  );
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': webhookId,
      'webhook-timestamp': timestamp,
      'webhook-signature': signatures.join(' '),
    },
  };
}
