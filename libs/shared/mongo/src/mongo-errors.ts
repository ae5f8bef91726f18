/** True for E11000 (unique index violation) from MongoDB and mongo-java-server alike. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** bulkWrite/insertMany with ordered:false report per-document failures; keep only non-duplicates. */
export function nonDuplicateWriteErrors(error: unknown): unknown[] {
  // The driver's WriteError has `code`; mongoose's insertMany hands plain `{ err: { code } }`.
  type WriteErrorLike = { code?: number; err?: { code?: number } };
  const writeErrors = (error as { writeErrors?: WriteErrorLike | WriteErrorLike[] } | null)?.writeErrors;
  if (!writeErrors) return [error];
  const list = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  return list.filter((e) => (e.code ?? e.err?.code) !== 11000);
}
