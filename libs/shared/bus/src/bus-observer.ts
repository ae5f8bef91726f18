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
