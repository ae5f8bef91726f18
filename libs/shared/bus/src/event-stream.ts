import { EVENTS_STREAM, EVENTS_WILDCARD } from '@cohort/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { type JetStreamManager, nanos, RetentionPolicy, StorageType } from 'nats';

import { BUS_OPTIONS, type BusOptions, NatsConnectionHolder } from './nats-connection';

const DEDUP_WINDOW_MS = 2 * 60 * 1000;
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

@Injectable()
export class EventStream {
  private ready: Promise<JetStreamManager> | null = null;

  constructor(
    private readonly holder: NatsConnectionHolder,
    @Inject(BUS_OPTIONS) private readonly options: BusOptions,
  ) {}

  ensure(): Promise<JetStreamManager> {
    this.ready ??= this.create().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private async create(): Promise<JetStreamManager> {
    const nc = await this.holder.get();
    const jsm = await nc.jetstreamManager();
    const existing = await jsm.streams.info(EVENTS_STREAM).catch(() => null);
    if (!existing) {
      await jsm.streams.add({
        name: EVENTS_STREAM,
        subjects: [EVENTS_WILDCARD],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: nanos(DEDUP_WINDOW_MS),
        max_age: nanos(MAX_AGE_MS),
        num_replicas: this.options.streamReplicas ?? 1,
      });
    }
    return jsm;
  }
}
