import type { KeysetCursor } from './keyset';
import { invalidParameter } from '@cohort/errors';

/** Keyset positions travel as opaque strings: base64url of `[at, id]`. */
export function encodeCursor(cursor: KeysetCursor | null): string | null {
  return cursor ? Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url') : null;
}

/** Absent or empty: the first page. Anything not made by encodeCursor: invalid_parameter on `cursor`. */
export function decodeCursor(cursor: string | undefined): KeysetCursor | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'number' && Number.isSafeInteger(at) && typeof id === 'string') return { at, id };
  } catch {
    // reported below
  }
  throw invalidParameter('cursor', 'is not a cursor this list returned');
}
