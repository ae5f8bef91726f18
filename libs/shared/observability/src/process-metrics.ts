import { observeBus } from '@cohort/bus';
import { collectDefaultMetrics, register } from 'prom-client';

import { busRequestSeconds, deadLetters } from './metric-families';

let registered = false;

/**
 * Turns the process's metrics on, once (a second call is a no-op): Node's own (CPU, memory,
 * event-loop lag, GC) and the bus's requests, answers and dead letters. Until this runs the bus
 * measures nothing.
 */
export function registerProcessMetrics(): void {
  if (registered) return;
  registered = true;
  collectDefaultMetrics({ register });
  observeBus({
    requestSent: (subject, outcome, seconds) =>
      busRequestSeconds.observe({ side: 'client', subject, outcome }, seconds),
    commandServed: (subject, outcome, seconds) =>
      busRequestSeconds.observe({ side: 'server', subject, outcome }, seconds),
    deadLettered: (consumer) => deadLetters.inc({ consumer }),
  });
}
