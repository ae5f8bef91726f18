import { randomBytes } from 'node:crypto';

const MAX_DB_NAME_LENGTH = 63;

/** Lower-case letters, digits and `_` only (safe as a MongoDB database name everywhere). */
export function sanitizeDbName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** A short random token (lower-case hex) to keep names unique across runs and workers. */
export function shortId(bytes = 3): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * A database name no other suite, worker or earlier run uses: `<prefix>_<random>`, sanitized and
 * at most 63 characters (the prefix is shortened when needed).
 */
export function uniqueDbName(prefix: string): string {
  const suffix = `_${shortId(4)}`;
  const base = sanitizeDbName(prefix).slice(0, MAX_DB_NAME_LENGTH - suffix.length) || 'test';
  return `${base}${suffix}`;
}
