import type { mongo } from 'mongoose';

import { collectionOf } from './db-tracing';
import { dbCommandSeconds } from './metric-families';

/** The driver names the collection only when a command starts, so it is kept until the command ends. */
export function observeDbCommands(client: mongo.MongoClient): void {
  const collections = new Map<number, string>();
  client.on('commandStarted', (event: mongo.CommandStartedEvent) =>
    collections.set(event.requestId, collectionOf(event)),
  );
  const finished = (event: mongo.CommandSucceededEvent | mongo.CommandFailedEvent, outcome: 'ok' | 'error') => {
    const collection = collections.get(event.requestId) ?? '';
    collections.delete(event.requestId);
    dbCommandSeconds.observe({ collection, operation: event.commandName, outcome }, event.duration / 1000);
  };
  client.on('commandSucceeded', (event: mongo.CommandSucceededEvent) => finished(event, 'ok'));
  client.on('commandFailed', (event: mongo.CommandFailedEvent) => finished(event, 'error'));
}
