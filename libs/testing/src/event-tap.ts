import { natsConnectOptions } from '@cohort/bus';
import { type DomainEvent, eventSubject, type EventType } from '@cohort/contracts';
import { connect, JSONCodec, type NatsConnection, type Subscription } from 'nats';

import { type PollOptions, pollUntil } from './poll';

const codec = JSONCodec<DomainEvent>();

/** A plain NATS subscription sees every message JetStream stores on the subject: tests wait for events, not time. */
export class EventTap<K extends EventType> {
  readonly events: DomainEvent<K>[] = [];

  private constructor(
    private readonly nc: NatsConnection,
    private readonly subscription: Subscription,
  ) {}

  static async open<K extends EventType>(natsUrl: string, type: K): Promise<EventTap<K>> {
    const nc = await connect({
      ...natsConnectOptions({ natsUrl }, 'event-tap'),
      reconnect: false,
      waitOnFirstConnect: false,
    });
    const subscription = nc.subscribe(eventSubject(type));
    const tap = new EventTap<K>(nc, subscription);
    void (async () => {
      for await (const message of subscription) tap.events.push(codec.decode(message.data) as DomainEvent<K>);
    })();
    // The server knows the subscription once this returns: nothing published later is missed.
    await nc.flush();
    return tap;
  }

  next(matches: (event: DomainEvent<K>) => boolean, options?: PollOptions): Promise<DomainEvent<K>> {
    return pollUntil(() => this.events.find(matches), options);
  }

  /** Safe after the server stopped (suites stop their servers in their own afterAll). */
  async close(): Promise<void> {
    this.subscription.unsubscribe();
    await this.nc.close();
  }
}
