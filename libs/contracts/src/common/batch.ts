import type { ErrorPayload } from '../errors';

/** One item of a batch, in request order: done, or why not (a canonical error as data). */
export type ItemResult = { userId: string; ok: true } | { userId: string; ok: false; error: ErrorPayload };
