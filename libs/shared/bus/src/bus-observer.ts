import type { MsgHdrs } from 'nats';

/** One per process, registered at boot; none by default, so the bus pays nothing when nobody watches. */
export interface BusObserver {
  requestSent(subject: string, outcome: string, seconds: number): void;
  commandServed(subject: string, outcome: string, seconds: number): void;
  deadLettered(consumer: string): void;
}

let observer: BusObserver | null = null;

export function observeBus(next: BusObserver | null): void {
  observer = next;
}

export function busObserver(): BusObserver | null {
  return observer;
}

/** Carries the trace in NATS headers (`traceparent`); none by default: no headers, no spans. */
export interface BusTracer {
  request<T>(subject: string, send: (headers: MsgHdrs) => Promise<T>): Promise<T>;
  /** `failure` names the outcome of a failure answered as data. */
  handle<T>(
    name: string,
    kind: 'command' | 'event',
    headers: MsgHdrs | undefined,
    handle: () => Promise<T>,
    failure?: (result: T) => string | undefined,
  ): Promise<T>;
  headers(): MsgHdrs;
}

let tracer: BusTracer | null = null;

export function traceBus(next: BusTracer | null): void {
  tracer = next;
}

export function busTracer(): BusTracer | null {
  return tracer;
}
