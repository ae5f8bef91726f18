import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  requestId: string;
  dbCommands: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId, dbCommands: 0 }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

let dbCommandsTotal = 0;

export function countDbCommand(): void {
  dbCommandsTotal += 1;
  const store = storage.getStore();
  if (store) store.dbCommands += 1;
}

export function currentDbCommands(): number {
  return storage.getStore()?.dbCommands ?? 0;
}

export function totalDbCommands(): number {
  return dbCommandsTotal;
}
