import { DEAD_LETTER_STREAM } from '@cohort/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { headers as natsHeaders, type JetStreamManager, type JsMsg, RetentionPolicy, StorageType } from 'nats';

import { BUS_OPTIONS, type BusOptions, NatsConnectionHolder } from './nats-connection';

/** Subject of one consumer's dead letters: `dlq.<service>.<durable>` (a service may publish only its own). */
export const deadLetterSubject = (service: string, durable: string) => `dlq.${service}.${durable}`;
export const DEAD_LETTER_WILDCARD = 'dlq.>';

export const DeadLetterHeader = {
  durable: 'Cohort-Durable',
  subject: 'Cohort-Subject',
  error: 'Cohort-Error',
  streamSeq: 'Cohort-Stream-Seq',
  deliveries: 'Cohort-Deliveries',
} as const;

export const REPLAY_FOR_HEADER = 'Cohort-Replay-For';

const MAX_ERROR_LENGTH = 500;

export async function ensureDeadLetterStream(jsm: JetStreamManager, replicas = 1): Promise<void> {
  const existing = await jsm.streams.info(DEAD_LETTER_STREAM).catch(() => null);
  if (existing) return;
  await jsm.streams.add({
    name: DEAD_LETTER_STREAM,
    subjects: [DEAD_LETTER_WILDCARD],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    num_replicas: replicas,
  });
}

/** For an event retrying cannot fix; `npm run events -- replay` delivers it again. */
@Injectable()
export class DeadLetters {
  private readonly logger = new Logger(DeadLetters.name);
  private ready: Promise<void> | null = null;
  private parked = 0;

  constructor(
    private readonly holder: NatsConnectionHolder,
    @Inject(BUS_OPTIONS) private readonly options: BusOptions,
  ) {}

  get count(): number {
    return this.parked;
  }

  /** Throws when JetStream cannot store it: the caller retries later. */
  async park(msg: JsMsg, durable: string, error: unknown): Promise<void> {
    const nc = await this.holder.get();
    this.ready ??= nc
      .jetstreamManager()
      .then((jsm) => ensureDeadLetterStream(jsm, this.options.streamReplicas))
      .catch((failure: unknown) => {
        this.ready = null;
        throw failure;
      });
    await this.ready;
    const reason = String(error instanceof Error ? error.message : error)
      .slice(0, MAX_ERROR_LENGTH)
      .replace(/[\r\n]+/g, ' ');
    const h = natsHeaders();
    h.set(DeadLetterHeader.durable, durable);
    h.set(DeadLetterHeader.subject, msg.subject);
    h.set(DeadLetterHeader.error, reason);
    h.set(DeadLetterHeader.streamSeq, String(msg.seq));
    h.set(DeadLetterHeader.deliveries, String(msg.info.redeliveryCount));
    // One dead letter per (consumer, event): parking the same delivery twice stores it once.
    await nc.jetstream().publish(deadLetterSubject(this.options.serviceName, durable), msg.data, {
      headers: h,
      msgID: `dlq:${durable}:${msg.seq}`,
    });
    this.parked++;
    this.logger.error(`${durable}: event at seq ${msg.seq} dead-lettered (${this.parked} so far): ${reason}`);
  }
}
