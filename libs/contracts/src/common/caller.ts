export interface Caller {
  appId: string;
  /** The acting user; null when an app admin acts with full rights and names no user. */
  userId: string | null;
  isAppAdmin: boolean;
}

export interface CommandEnvelope<T> {
  caller: Caller;
  requestId: string;
  data: T;
}

/** Every reply is data: either a value or a canonical error. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: import('../errors').ErrorPayload };
