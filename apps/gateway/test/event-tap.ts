import { connect, JSONCodec, type NatsConnection } from 'nats';
import { EVENTS_WILDCARD, type DomainEvent, type EventType } from '@cohort/contracts';

const codec = JSONCodec<DomainEvent>();

/**
 * The domain events a stack publishes while the tap is open, as any subscriber of the events'
 * subjects sees them (what JetStream stores is published on those subjects too). Open it once
 * the stack runs; assert with expectEventually, never a sleep.
 */
export class EventTap {
  private readonly seen: DomainEvent[] = [];

  private constructor(private readonly nc: NatsConnection) {
    const subscription = nc.subscribe(EVENTS_WILDCARD);
    void (async () => {
      for await (const message of subscription) this.seen.push(codec.decode(message.data));
    })();
  }

  static async open(natsUrl: string): Promise<EventTap> {
    const nc = await connect({ servers: natsUrl, reconnect: false });
    const tap = new EventTap(nc);
    // The subscription is registered on the server once a round trip has completed.
    await nc.flush();
    return tap;
  }

  /** The events of `type` about `groupId`, in the order they were published (a resend counts twice). */
  of<K extends EventType>(type: K, groupId: number | string): DomainEvent<K>[] {
    return this.seen.filter((event): event is DomainEvent<K> => event.type === type && event.groupId === String(groupId));
  }

  /** Closes the connection (also after the stack's NATS stopped: no draining, no reconnecting). */
  close(): Promise<void> {
    return this.nc.close();
  }
}

/** Registers hooks that open an EventTap on the suite's stack (after it started) and close it; a getter of the tap. */
export function useEventTap(stack: () => { natsUrl: string }): () => EventTap {
  let tap: EventTap | undefined;
  beforeAll(async () => {
    tap = await EventTap.open(stack().natsUrl);
  });
  afterAll(() => tap?.close());
  return () => {
    if (!tap) throw new Error('the EventTap opens in beforeAll');
    return tap;
  };
}
