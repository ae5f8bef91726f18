import { invalidParameter } from '@cohort/errors';

import type { KeysetCursor } from './keyset';

/** Keyset positions travel as opaque strings: base64url of `[at, id]`. */
export function encodeCursor(cursor: KeysetCursor | null): string | null {
  return cursor ? Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url') : null;
}

/** The latest time a Date holds (ms since epoch): a position past it would reach the driver as an invalid date. */
const MAX_DATE_MS = 8.64e15;
/** Longer than any id a list orders by. */
const MAX_ID_LENGTH = 256;

/**
 * Absent or empty: the first page. Anything not made by encodeCursor — including a well-formed
 * one whose time is no valid date — is invalid_parameter on `cursor`.
 */
export function decodeCursor(cursor: string | undefined): KeysetCursor | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const validAt = typeof at === 'number' && Number.isSafeInteger(at) && at >= 0 && at <= MAX_DATE_MS;
    if (validAt && typeof id === 'string' && id.length <= MAX_ID_LENGTH) return { at, id };
  } catch {
    // reported below
  }
  throw invalidParameter('cursor', 'is not a cursor this list returned');
}
