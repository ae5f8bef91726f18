import { randomBytes } from 'node:crypto';

const MAX_DB_NAME_LENGTH = 63;

/** Safe as a MongoDB database name everywhere. */
export function sanitizeDbName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

export function shortId(bytes = 3): string {
  return randomBytes(bytes).toString('hex');
}

export function uniqueDbName(prefix: string): string {
  const suffix = `_${shortId(4)}`;
  const base = sanitizeDbName(prefix).slice(0, MAX_DB_NAME_LENGTH - suffix.length) || 'test';
  return `${base}${suffix}`;
}
