import { duplicateIndexes, nonDuplicateWriteErrors } from '@cohort/mongo';
import { raw } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';

import type { Fact } from './facts';

/**
 * A fact as stored: its value, since when (the time of the change or event that made it so) and
 * who made it so (null: an app admin without a user, or another service's event).
 */
export interface StoredFact<T> {
  value: T;
  at: Date;
  by?: string | null;
}

/** The schema definition of a stored fact whose value has `type`. */
export const factProp = (type: unknown) => raw({ value: { type }, at: { type: Date }, by: { type: String } });

/** The facts `names` of a stored document, with their times in ms (facts never set are absent). */
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

/** The filter that lets a write replace `fact` only if what is stored is not newer than `at`. */
export const notNewerThan = (fact: string, at: Date) => ({ [`${fact}.at`]: { $not: { $gt: at } } });

/**
 * Runs upserts whose filters hold a notNewerThan condition, unordered, and returns the indexes of
 * those that did not apply: a document holding a newer fact fails the condition, and its upsert
 * then collides with the unique key (E11000). A collision can also be two first writes of one
 * document racing; those are retried once, after which the document exists and the condition
 * alone decides.
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

/** A model as bulk writes see it (the documents' type does not matter to them). */
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
