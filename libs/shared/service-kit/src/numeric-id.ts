import { randomInt } from 'node:crypto';

const MAX_SAFE = 2 ** 53 - 1;
const MIN_ID = 10 ** 9;

/** Below 2^53, exact as a JSON number; collisions are caught by unique indexes. */
export function generateNumericId(): string {
  // randomInt's range is limited to 2^48; combine two draws for 53 bits.
  const high = randomInt(0, 2 ** 21);
  const low = randomInt(0, 2 ** 32);
  const value = Math.max(MIN_ID, Math.min(MAX_SAFE, high * 2 ** 32 + low));
  return String(value);
}
