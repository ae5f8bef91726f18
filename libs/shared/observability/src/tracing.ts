import { type BusTracer, traceBus } from '@cohort/bus';
import { type TracingEnv, tracingEnvSchema, validatedEnv } from '@cohort/config';
import { addLogFields } from '@cohort/logging';
import {
  type Context,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { headers as natsHeaders, type MsgHdrs } from 'nats';

export interface TracingOptions {
  service: string;
  otlpEndpoint?: string;
  /** Tests pass an in-memory exporter. */
  exporter?: SpanExporter;
}

let provider: NodeTracerProvider | null = null;
let tracer: Tracer | null = null;

export function activeTracer(): Tracer | null {
  return tracer;
}

const setter = { set: (carrier: MsgHdrs, key: string, value: string) => carrier.set(key, value) };
const getter = {
  get: (carrier: MsgHdrs | undefined, key: string) => carrier?.get(key) || undefined,
  keys: (carrier: MsgHdrs | undefined) => (carrier ? carrier.keys() : []),
};

function fail(span: Span, reason: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
}

async function inSpan<T>(
  span: Span,
  parent: Context,
  run: () => Promise<T>,
  failure?: (result: T) => string | undefined,
): Promise<T> {
  try {
    const result = await context.with(trace.setSpan(parent, span), run);
    const reason = failure?.(result);
    if (reason) fail(span, reason);
    return result;
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    fail(span, error instanceof Error ? error.message : String(error));
    throw error;
  } finally {
    span.end();
  }
}

function busTracerOf(active: Tracer): BusTracer {
  const headers = (): MsgHdrs => {
    const carrier = natsHeaders();
    propagation.inject(context.active(), carrier, setter);
    return carrier;
  };
  return {
    headers,
    request(subject, send) {
      const span = active.startSpan(`send ${subject}`, {
        kind: SpanKind.CLIENT,
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject },
      });
      const parent = context.active();
      return inSpan(span, parent, () => send(headers()));
    },
    handle(name, kind, received, handle, failure) {
      const parent = propagation.extract(context.active(), received, getter);
      const span = active.startSpan(
        kind === 'command' ? `handle ${name}` : `consume ${name}`,
        {
          kind: kind === 'command' ? SpanKind.SERVER : SpanKind.CONSUMER,
          attributes: {
            'messaging.system': 'nats',
            [kind === 'command' ? 'messaging.destination.name' : 'messaging.consumer.group.name']: name,
          },
        },
        parent,
      );
      return inSpan(span, parent, handle, failure);
    },
  };
}

/** Off costs nothing: nothing is registered, so the bus, the HTTP server and the database client find no tracer. */
export function startTracing(options: TracingOptions): boolean {
  if (provider) return true;
  if (!options.exporter && !options.otlpEndpoint) return false;
  const exporter =
    options.exporter ?? new OTLPTraceExporter({ url: `${options.otlpEndpoint?.replace(/\/$/, '')}/v1/traces` });
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  tracer = provider.getTracer('cohort');
  traceBus(busTracerOf(tracer));
  addLogFields(() => {
    const span = trace.getSpan(context.active());
    return span ? { traceId: span.spanContext().traceId } : {};
  });
  return true;
}

/** Before Nest builds the modules. */
export function startTracingFromEnv(service: string): boolean {
  return startTracing({
    service,
    otlpEndpoint: validatedEnv<TracingEnv>(tracingEnvSchema).OTEL_EXPORTER_OTLP_ENDPOINT,
  });
}

export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

export async function stopTracing(): Promise<void> {
  const current = provider;
  provider = null;
  tracer = null;
  traceBus(null);
  addLogFields(null);
  if (!current) return;
  await current.shutdown();
  // The API's globals too, so that a later startTracing registers its own.
  trace.disable();
  propagation.disable();
  context.disable();
}
