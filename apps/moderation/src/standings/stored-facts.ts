import { duplicateIndexes, nonDuplicateWriteErrors } from '@cohort/mongo';
import { raw } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';

import type { Fact } from './facts';

/** `by` null: an app admin without a user, or another service's event. */
export interface StoredFact<T> {
  value: T;
  at: Date;
  by?: string | null;
}

export const factProp = (type: unknown) => raw({ value: { type }, at: { type: Date }, by: { type: String } });

export function readFacts<N extends string>(
  doc: Partial<Record<N, StoredFact<unknown>>> | null,
  names: readonly N[],
): Partial<Record<N, Fact<never>>> {
  const facts: Partial<Record<N, Fact<never>>> = {};
  for (const name of names) {
    const stored = doc?.[name];
    if (stored?.at) facts[name] = { value: stored.value as never, at: stored.at.getTime() };
  }
  return facts;
}

export const notNewerThan = (fact: string, at: Date) => ({ [`${fact}.at`]: { $not: { $gt: at } } });

/**
 * A document holding a newer fact fails the filter, and its upsert then collides with the unique
 * key (E11000). A collision can also be two first writes racing; those are retried once, after
 * which the document exists and the filter alone decides.
 */
export async function upsertNewer<D>(model: Model<D>, ops: object[]): Promise<Set<number>> {
  const writer = model as unknown as BulkWriter;
  const writes = ops as unknown as AnyBulkWriteOperation[];
  const refused = await refusedIndexes(
    writer,
    writes,
    writes.map((_, i) => i),
  );
  return refused.length ? new Set(await refusedIndexes(writer, writes, refused)) : new Set();
}

type BulkWriter = Pick<Model<Record<string, unknown>>, 'bulkWrite'>;

async function refusedIndexes(model: BulkWriter, ops: AnyBulkWriteOperation[], indexes: number[]): Promise<number[]> {
  try {
    await model.bulkWrite(
      indexes.map((i) => ops[i]),
      { ordered: false },
    );
    return [];
  } catch (error) {
    if (nonDuplicateWriteErrors(error).length > 0) throw error;
    return duplicateIndexes(error).map((position) => indexes[position]);
  }
}
