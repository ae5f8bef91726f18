import type { WebhookEndpointView, WebhookEndpointWithSecret } from '@cohort/contracts';

import type { EndpointDoc, SigningSecret } from './schemas/endpoint.schema';

export function signingSecrets(doc: Pick<EndpointDoc, 'secrets'>, now = new Date()): string[] {
  return doc.secrets.filter((s) => s.expiresAt === null || s.expiresAt > now).map((s) => s.secret);
}

function previousExpiry(secrets: SigningSecret[], now: Date): number | null {
  const previous = secrets.slice(1).find((s) => s.expiresAt !== null && s.expiresAt > now);
  return previous?.expiresAt ? previous.expiresAt.getTime() : null;
}

export function toEndpointView(doc: EndpointDoc, now = new Date()): WebhookEndpointView {
  return {
    endpointId: doc._id,
    url: doc.url,
    format: doc.format,
    events: doc.events,
    description: doc.description,
    disabled: doc.disabled,
    source: doc.source,
    breaker: {
      state: doc.breaker.state,
      consecutiveFailures: doc.breaker.failures,
      openUntil: doc.breaker.openUntil?.getTime() ?? null,
    },
    previousSecretExpiresAt: previousExpiry(doc.secrets, now),
    createdAt: doc.createdAt.getTime(),
    updatedAt: doc.updatedAt.getTime(),
  };
}

export function withSecret(doc: EndpointDoc): WebhookEndpointWithSecret {
  return { ...toEndpointView(doc), secret: doc.secrets[0].secret };
}
