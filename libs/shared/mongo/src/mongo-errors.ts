/** MongoDB and mongo-java-server alike. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

export function nonDuplicateWriteErrors(error: unknown): unknown[] {
  // The driver's WriteError has `code`; mongoose's insertMany hands plain `{ err: { code } }`.
  type WriteErrorLike = { code?: number; err?: { code?: number } };
  const writeErrors = (error as { writeErrors?: WriteErrorLike | WriteErrorLike[] } | null)?.writeErrors;
  if (!writeErrors) return [error];
  const list = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  return list.filter((e) => (e.code ?? e.err?.code) !== 11000);
}

export function duplicateIndexes(error: unknown): number[] {
  type WriteErrorLike = { index?: number; code?: number; err?: { index?: number; code?: number } };
  const writeErrors = (error as { writeErrors?: WriteErrorLike | WriteErrorLike[] } | null)?.writeErrors ?? [];
  const list = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  return list
    .filter((e) => (e.code ?? e.err?.code) === 11000)
    .map((e) => e.index ?? e.err?.index)
    .filter((i): i is number => typeof i === 'number');
}
