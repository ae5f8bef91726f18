/** True for E11000 (unique index violation) from MongoDB and FerretDB alike. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** bulkWrite/insertMany with ordered:false report per-document failures; keep only non-duplicates. */
export function nonDuplicateWriteErrors(error: unknown): unknown[] {
  const writeErrors = (error as { writeErrors?: { code?: number }[] } | null)?.writeErrors;
  if (!Array.isArray(writeErrors)) return [error];
  return writeErrors.filter((e) => e.code !== 11000);
}
