import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  requestId: string;
  /** Database commands issued while handling the request (driver command monitoring). */
  dbCommands: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs fn with a request id that every log line written inside it carries. */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId, dbCommands: 0 }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

let dbCommandsTotal = 0;

/** Counts one database command against the request being handled (if any), and the process's total. */
export function countDbCommand(): void {
  dbCommandsTotal += 1;
  const store = storage.getStore();
  if (store) store.dbCommands += 1;
}

/** Database commands the current request has issued so far. */
export function currentDbCommands(): number {
  return storage.getStore()?.dbCommands ?? 0;
}

/** Database commands this process has issued since it started. */
export function totalDbCommands(): number {
  return dbCommandsTotal;
}
