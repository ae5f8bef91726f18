import { randomBytes } from 'node:crypto';

import { type WebhookFormat, WebhookLimits } from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';

const STANDARD_PREFIX = 'whsec_';

/** Standard Webhooks' `whsec_` + 32 random bytes in base64, or 32 hex characters (Easemob's console style). */
export function generateSecret(format: WebhookFormat): string {
  return format === 'standard'
    ? `${STANDARD_PREFIX}${randomBytes(32).toString('base64')}`
    : randomBytes(16).toString('hex');
}

export function checkSecret(format: WebhookFormat, secret: string, field = 'secret'): void {
  if (format === 'easemob') {
    if (secret.length < WebhookLimits.easemobSecretMinLength) {
      throw invalidParameter(field, `must be at least ${WebhookLimits.easemobSecretMinLength} characters`);
    }
    return;
  }
  const key = secret.startsWith(STANDARD_PREFIX) ? secret.slice(STANDARD_PREFIX.length) : null;
  if (
    key === null ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(key) ||
    Buffer.from(key, 'base64').length < WebhookLimits.standardSecretMinBytes
  ) {
    throw invalidParameter(
      field,
      `must be whsec_ followed by at least ${WebhookLimits.standardSecretMinBytes} bytes in base64`,
    );
  }
}

export function standardKeyOf(secret: string): Buffer {
  return Buffer.from(secret.slice(STANDARD_PREFIX.length), 'base64');
}
