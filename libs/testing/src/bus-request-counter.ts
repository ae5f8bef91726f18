import { natsConnectOptions } from '@cohort/bus';
import { EVENT_SUBJECT_PREFIX } from '@cohort/contracts';
import { connect, type Msg, type NatsConnection } from 'nats';

const NOT_COMMANDS = ['_INBOX', '$JS.', '$KV.', '$SYS.', EVENT_SUBJECT_PREFIX];

export const isCommandSubject = (subject: string): boolean =>
  !NOT_COMMANDS.some((prefix) => subject.startsWith(prefix));

export interface BusRequestCounterOptions {
  keepMessages?: boolean;
  /** Default `>`, so that no new subject escapes. */
  subjects?: string[];
}

/** `subjectsOf(requestId)` stays exact while other requests share the bus: it matches the id in each payload. */
export class BusRequestCounter {
  private count = 0;
  private readonly messages: { subject: string; text: string }[] = [];

  private constructor(
    private readonly nc: NatsConnection,
    private readonly keepMessages: boolean,
  ) {}

  static async open(natsUrl: string, options: BusRequestCounterOptions = {}): Promise<BusRequestCounter> {
    const nc = await connect(natsConnectOptions({ natsUrl }, 'bus-request-counter'));
    const counter = new BusRequestCounter(nc, options.keepMessages ?? false);
    // A callback subscription counts each message as it is parsed, so after `settle` nothing is pending.
    for (const subject of options.subjects ?? ['>']) {
      nc.subscribe(subject, { callback: (error, message) => error || counter.record(message) });
    }
    await nc.flush();
    return counter;
  }

  get total(): number {
    return this.count;
  }

  /** The server answers a flush after what it already queued for us. */
  async settle(): Promise<void> {
    await this.nc.flush();
  }

  subjectsOf(requestId: string): string[] {
    if (!this.keepMessages) throw new Error('BusRequestCounter: open it with keepMessages to ask per request id');
    return this.messages.filter((message) => message.text.includes(requestId)).map((message) => message.subject);
  }

  async close(): Promise<void> {
    await this.nc.close();
  }

  private record(message: Msg): void {
    if (!isCommandSubject(message.subject)) return;
    this.count++;
    if (!this.keepMessages) return;
    const headers = message.headers
      ? [...message.headers.keys()].map((key) => message.headers?.get(key)).join(' ')
      : '';
    this.messages.push({ subject: message.subject, text: `${message.string()} ${headers}` });
  }
}
