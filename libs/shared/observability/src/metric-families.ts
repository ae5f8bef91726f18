import { Counter, Gauge, Histogram, register } from 'prom-client';

/** Label values come from bounded sets only (docs/operations.md lists the families). */

/** A bus hop or a keyed read is well under a millisecond on a quiet stack. */
const FAST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequestSeconds = new Histogram({
  name: 'cohort_http_request_duration_seconds',
  help: 'HTTP requests answered by the gateway, by dialect, route template, status and app',
  labelNames: ['dialect', 'route', 'status', 'app'] as const,
  buckets: FAST_BUCKETS,
});

export const busRequestSeconds = new Histogram({
  name: 'cohort_bus_request_duration_seconds',
  help: 'Bus requests: sent (side=client) and answered (side=server), by subject and outcome (ok or the error code)',
  labelNames: ['side', 'subject', 'outcome'] as const,
  buckets: FAST_BUCKETS,
});

export const dbCommandSeconds = new Histogram({
  name: 'cohort_db_command_duration_seconds',
  help: 'Database commands, by collection, operation (the command name) and outcome (ok or error)',
  labelNames: ['collection', 'operation', 'outcome'] as const,
  buckets: FAST_BUCKETS,
});

const perConsumer = (name: string, help: string) => new Gauge({ name, help, labelNames: ['consumer'] as const });

export const consumerPending = perConsumer(
  'cohort_event_consumer_pending',
  'Events of the stream a durable consumer has not been given yet',
);
export const consumerAckPending = perConsumer(
  'cohort_event_consumer_ack_pending',
  'Events given to a durable consumer and not acknowledged yet (in hand, or waiting for a retry)',
);
export const consumerRedelivered = perConsumer(
  'cohort_event_consumer_redelivered',
  'Events a durable consumer has been given more than once and not acknowledged yet',
);

export const deadLetters = new Counter({
  name: 'cohort_dead_letters_total',
  help: 'Events a durable consumer gave up on and parked in the dead-letter stream',
  labelNames: ['consumer'] as const,
});

export const outboxBacklog = new Gauge({
  name: 'cohort_outbox_backlog_documents',
  help: 'Documents holding events not yet published, by collection',
  labelNames: ['collection'] as const,
});

export const rateLimitRefusals = new Counter({
  name: 'cohort_rate_limit_refusals_total',
  help: 'Requests the gateway refused with 429, by rate-limit family',
  labelNames: ['family'] as const,
});

export const sendDecisionCacheLookups = new Counter({
  name: 'cohort_send_decision_cache_lookups_total',
  help: 'Send-decision cache lookups, by what was looked up (group or user facts) and result (hit or miss)',
  labelNames: ['facts', 'result'] as const,
});

export const webhookDeliveries = new Counter({
  name: 'cohort_webhook_deliveries_total',
  help: 'Webhook delivery attempts, by the state they left the delivery in',
  labelNames: ['state'] as const,
});

type ScrapeHook = () => Promise<void>;
const scrapeHooks = new Set<ScrapeHook>();

/** A hook that fails leaves its gauges as they were. */
export function beforeScrape(hook: ScrapeHook): () => void {
  scrapeHooks.add(hook);
  return () => scrapeHooks.delete(hook);
}

export async function metricsText(): Promise<{ contentType: string; body: string }> {
  await Promise.allSettled([...scrapeHooks].map((hook) => hook()));
  return { contentType: register.contentType, body: await register.metrics() };
}
