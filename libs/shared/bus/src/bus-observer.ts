import type { MsgHdrs } from 'nats';

/**
 * What the bus tells whoever watches it (the process's metrics): every request it sent, every
 * command it answered and every event it dead-lettered. One observer per process, registered at
 * boot; none by default, so the bus pays nothing when nobody watches.
 */
export interface BusObserver {
  /** A request this process sent: `ok`, or the error code it ended with. */
  requestSent(subject: string, outcome: string, seconds: number): void;
  /** A command this process answered: `ok`, or the error code it answered. */
  commandServed(subject: string, outcome: string, seconds: number): void;
  /** An event a durable consumer gave up on and parked in the dead-letter stream. */
  deadLettered(consumer: string): void;
}

let observer: BusObserver | null = null;

/** Registers the process's bus observer (replacing any earlier one). */
export function observeBus(next: BusObserver | null): void {
  observer = next;
}

/** The registered observer, or null: callers skip measuring when nobody watches. */
export function busObserver(): BusObserver | null {
  return observer;
}

/**
 * Carries traces across the bus (registered by the tracing setup when tracing is on): requests and
 * events are sent with the current trace in their NATS headers (`traceparent`), and a command or
 * event received continues the trace its headers carry. None by default: no headers, no spans.
 */
export interface BusTracer {
  /** Sends a request under a client span; `send` gets the headers that carry it. */
  request<T>(subject: string, send: (headers: MsgHdrs) => Promise<T>): Promise<T>;
  /**
   * Handles a received command or event under a span continuing the trace of `headers`;
   * `failure` names the outcome of a result that is a failure answered as data.
   */
  handle<T>(
    name: string,
    kind: 'command' | 'event',
    headers: MsgHdrs | undefined,
    handle: () => Promise<T>,
    failure?: (result: T) => string | undefined,
  ): Promise<T>;
  /** Headers carrying the current trace, for a publish. */
  headers(): MsgHdrs;
}

let tracer: BusTracer | null = null;

/** Registers the process's bus tracer (null: tracing off). */
export function traceBus(next: BusTracer | null): void {
  tracer = next;
}

/** The registered tracer, or null when tracing is off. */
export function busTracer(): BusTracer | null {
  return tracer;
}
