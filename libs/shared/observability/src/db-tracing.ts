import { context, type Span, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { mongo } from 'mongoose';

export function collectionOf(event: mongo.CommandStartedEvent): string {
  const target: unknown = event.command[event.commandName];
  return typeof target === 'string' ? target : '';
}

/** Background work outside any trace (sweeps) makes no spans. */
export function traceDbCommands(client: mongo.MongoClient, tracer: Tracer): void {
  const spans = new Map<number, Span>();
  client.on('commandStarted', (event: mongo.CommandStartedEvent) => {
    const parent = context.active();
    if (!trace.getSpan(parent)) return;
    const collection = collectionOf(event);
    const span = tracer.startSpan(
      collection ? `${event.commandName} ${collection}` : event.commandName,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'mongodb',
          'db.namespace': event.databaseName,
          'db.collection.name': collection,
          'db.operation.name': event.commandName,
        },
      },
      parent,
    );
    spans.set(event.requestId, span);
  });
  const end = (event: mongo.CommandSucceededEvent | mongo.CommandFailedEvent, failure?: Error) => {
    const span = spans.get(event.requestId);
    if (!span) return;
    spans.delete(event.requestId);
    if (failure) span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
    span.end();
  };
  client.on('commandSucceeded', (event: mongo.CommandSucceededEvent) => end(event));
  client.on('commandFailed', (event: mongo.CommandFailedEvent) => end(event, event.failure));
}
