import type { KeysetOrder } from '@cohort/mongo';

/** Mutes, blocks and allows list in the order they were written: (at, userId). */
export const LIST_ORDER: KeysetOrder = { timeField: 'at', idField: 'userId', direction: 1 };
