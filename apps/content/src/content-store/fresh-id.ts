import { generateNumericId } from '@cohort/service-kit';

/** Random 53-bit ids collide rarely; a few attempts make a collision practically impossible to surface. */
const ATTEMPTS = 5;

/**
 * Runs `insert` with a fresh numeric id until one is free (`insert` answers null when the id is
 * taken: the unique index decides, no read first).
 */
export async function insertWithFreshId<T>(insert: (id: string) => Promise<T | null>): Promise<T> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const inserted = await insert(generateNumericId());
    if (inserted !== null) return inserted;
  }
  throw new Error(`no free id after ${ATTEMPTS} attempts`);
}
