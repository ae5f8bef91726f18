import { observeBus } from '@cohort/bus';
import { collectDefaultMetrics, register } from 'prom-client';

import { busRequestSeconds, deadLetters } from './metric-families';

let registered = false;

/** Until this runs the bus measures nothing. */
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
