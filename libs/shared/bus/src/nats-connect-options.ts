import type { CommonEnv } from '@cohort/config';
import type { ConfigService } from '@nestjs/config';
import type { ConnectionOptions } from 'nats';

/** Where and as whom a process connects to NATS (from the validated config). */
export interface NatsAccess {
  /**
   * One URL, or several separated by commas (every node of a cluster). A URL may carry the
   * credentials (`nats://user:password@host:4222`) when NATS_USER is not set.
   */
  natsUrl: string;
  /** This process's own NATS user (NATS_USER); absent only on a server without authorization. */
  natsUser?: string;
  natsPassword?: string;
}

/** Private reply subjects of a user: `_INBOX_<user>.>` is all it may subscribe to for replies. */
export function inboxPrefix(user: string): string {
  return `_INBOX_${user}`;
}

/**
 * The one place that turns the config into NATS connect options, used by every connection of a
 * process: all the cluster's URLs, the process's credentials and its own inbox prefix, and
 * reconnecting forever — also when the server is not up yet at start.
 */
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
    // Otherwise every request builds two Errors up front (for the stack of a timeout that rarely
    // comes): the top nats frames of the gateway's profile. A timeout names its subject anyway.
    noAsyncTraces: true,
  };
}

/** The NATS access of this process, read from its validated config. */
export function natsAccessFrom(config: ConfigService<CommonEnv, true>): NatsAccess {
  return {
    natsUrl: config.get('NATS_URL', { infer: true }),
    natsUser: config.get('NATS_USER', { infer: true }),
    natsPassword: config.get('NATS_PASSWORD', { infer: true }),
  };
}
