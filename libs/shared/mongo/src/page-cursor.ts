import { invalidParameter } from '@cohort/errors';

import type { KeysetCursor } from './keyset';

export function encodeCursor(cursor: KeysetCursor | null): string | null {
  return cursor ? Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url') : null;
}

/** A position past the latest Date would reach the driver as an invalid date. */
const MAX_DATE_MS = 8.64e15;
const MAX_ID_LENGTH = 256;

/** Anything not made by encodeCursor, including a well-formed one with no valid date, is invalid. */
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
