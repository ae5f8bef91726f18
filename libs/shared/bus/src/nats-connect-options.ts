import type { CommonEnv } from '@cohort/config';
import type { ConfigService } from '@nestjs/config';
import type { ConnectionOptions } from 'nats';

export interface NatsAccess {
  /** Comma-separated for a cluster; may carry credentials when NATS_USER is not set. */
  natsUrl: string;
  natsUser?: string;
  natsPassword?: string;
}

/** A user may subscribe only to its own inbox for replies. */
export function inboxPrefix(user: string): string {
  return `_INBOX_${user}`;
}

/** Every connection of a process is made here: reconnecting forever, also when the server is not up yet at start. */
export function natsConnectOptions(access: NatsAccess, name: string): ConnectionOptions {
  const urls = access.natsUrl.split(',').map((url) => new URL(url.trim()));
  const inUrl = urls.find((url) => url.username);
  const user = access.natsUser ?? (inUrl && decodeURIComponent(inUrl.username));
  const pass = access.natsUser ? access.natsPassword : inUrl && decodeURIComponent(inUrl.password);
  const credentials = user ? { user, pass, inboxPrefix: inboxPrefix(user) } : {};
  return {
    // The nats client does not read credentials from a URL: they travel as options only.
    servers: urls.map((url) => `${url.protocol}//${url.host}`),
    name,
    ...credentials,
    maxReconnectAttempts: -1,
    waitOnFirstConnect: true,
    // Otherwise every request builds two Errors up front for a rare timeout's stack (top frames of the gateway's profile).
    noAsyncTraces: true,
  };
}

export function natsAccessFrom(config: ConfigService<CommonEnv, true>): NatsAccess {
  return {
    natsUrl: config.get('NATS_URL', { infer: true }),
    natsUser: config.get('NATS_USER', { infer: true }),
    natsPassword: config.get('NATS_PASSWORD', { infer: true }),
  };
}
