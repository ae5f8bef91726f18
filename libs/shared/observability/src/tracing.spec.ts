import { busTracer } from '@cohort/bus';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';

import { activeTracer, startTracing, stopTracing } from './tracing';

describe('tracing', () => {
  afterEach(() => stopTracing());

  it('is off without a collector: no tracer, the bus carries no trace', () => {
    expect(startTracing({ service: 'groups' })).toBe(false);
    expect(activeTracer()).toBeNull();
    expect(busTracer()).toBeNull();
  });

  it('carries a trace across the bus in NATS headers: request, the command it reaches, the event it publishes', async () => {
    const exporter = new InMemorySpanExporter();
    expect(startTracing({ service: 'groups', exporter })).toBe(true);
    const bus = busTracer();
    if (!bus) throw new Error('no bus tracer');

    let eventHeaders = bus.headers();
    const reply = await bus.request('groups.group.get', async (headers) => {
      expect(headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      // The service's side: a handler that answers a failure as data, and publishes an event.
      return bus.handle(
        'groups.group.get',
        'command',
        headers,
        async () => {
          eventHeaders = bus.headers();
          return { ok: false, code: 'not_found' };
        },
        (result) => result.code,
      );
    });
    expect(reply).toEqual({ ok: false, code: 'not_found' });
    await bus.handle('audit__group_created', 'event', eventHeaders, async () => undefined);

    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => [span.name, span.kind])).toEqual([
      ['handle groups.group.get', SpanKind.SERVER],
      ['send groups.group.get', SpanKind.CLIENT],
      ['consume audit__group_created', SpanKind.CONSUMER],
    ]);
    const [handled, sent, consumed] = spans;
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    expect(handled.parentSpanContext?.spanId).toBe(sent.spanContext().spanId);
    expect(consumed.parentSpanContext?.spanId).toBe(handled.spanContext().spanId);
    expect(handled.status).toEqual({ code: SpanStatusCode.ERROR, message: 'not_found' });
  });
});
