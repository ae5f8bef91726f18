import { DomainError, isDomainError } from './domain-error';

/** Matched by class name along the prototype chain, so this library needs no driver and any copy of it matches. */
const UNREACHABLE_CLASSES = new Set([
  'MongoNetworkError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoTopologyClosedError',
  'MongoNotConnectedError',
  'MongoServerClosedError',
  'MongoClientClosedError',
  'PoolClosedError',
  'WaitQueueTimeoutError',
]);

/** Unreachable, shutting down or no longer primary (a failover). */
const FAILOVER_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436]);

const TRANSIENT_LABELS = ['RetryableWriteError', 'TransientTransactionError', 'ResetPool'];

interface DriverErrorShape {
  name?: unknown;
  errorResponse?: { beforeHandshake?: unknown };
  code?: unknown;
  message?: unknown;
  errorLabels?: unknown;
  cause?: unknown;
}

function classNames(error: object): string[] {
  const names: string[] = [];
  for (
    let proto = Object.getPrototypeOf(error) as object | null;
    proto && proto !== Error.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    names.push((proto as { constructor?: { name?: string } }).constructor?.name ?? '');
  }
  return names;
}

function isUnreachable(error: DriverErrorShape & object): boolean {
  if (typeof error.name === 'string' && UNREACHABLE_CLASSES.has(error.name)) return true;
  if (classNames(error).some((name) => UNREACHABLE_CLASSES.has(name))) return true;
  if (typeof error.code === 'number' && FAILOVER_CODES.has(error.code)) return true;
  // A bulk write wraps the network error it met in its own class: its fields say what it was.
  if (typeof error.errorResponse?.beforeHandshake === 'boolean') return true;
  if (Array.isArray(error.errorLabels) && error.errorLabels.some((label) => TRANSIENT_LABELS.includes(String(label))))
    return true;
  // Mongoose queues commands while disconnected and gives up after `bufferTimeoutMS`.
  return (
    error.name === 'MongooseError' && typeof error.message === 'string' && /buffering timed out/.test(error.message)
  );
}

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (isDomainError(current)) return false;
    if (isUnreachable(current as DriverErrorShape & object)) return true;
    current = (current as DriverErrorShape).cause;
  }
  return false;
}

/** A database outage is `unavailable` (503: try again), never `internal`; null for a real bug. */
export function canonicalErrorOf(error: unknown): DomainError | null {
  if (isDomainError(error)) return error;
  if (isDatabaseUnavailable(error))
    return new DomainError('unavailable', 'the database is unavailable: try again shortly');
  return null;
}
