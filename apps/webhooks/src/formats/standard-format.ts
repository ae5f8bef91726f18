import { createHmac } from 'node:crypto';

import { standardKeyOf } from '../endpoints/secrets';

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** Standard Webhooks v1: one signature per secret that signs (a rotation); the id stays the same across retries. */
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
