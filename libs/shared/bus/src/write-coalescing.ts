import type { NatsConnection } from 'nats';

/** The part of nats.js's protocol handler this touches (not in its public types). */
interface ProtocolWithFlush {
  flushPending(): void;
}

/**
 * Sends what a connection queued in one event-loop turn as one socket write. nats.js writes at the
 * end of each microtask queue, so under load every request or reply became its own write (the
 * top frame of every service's profile, `writeBuffer`); deferred to `setImmediate`, the requests
 * of all the sockets read in one poll phase leave together. Nothing is lost: a drain flushes
 * with a PING whose PONG it awaits, which comes after this write.
 */
export function coalesceWrites(nc: NatsConnection): NatsConnection {
  const protocol = (nc as unknown as { protocol?: ProtocolWithFlush }).protocol;
  if (!protocol || typeof protocol.flushPending !== 'function') return nc;
  const flushNow = protocol.flushPending.bind(protocol);
  let scheduled = false;
  protocol.flushPending = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      flushNow();
    });
  };
  return nc;
}
