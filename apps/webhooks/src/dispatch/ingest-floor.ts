import { ANY_EVENT, BUS_OPTIONS, type BusOptions, durableNameOf, EventStream } from '@cohort/bus';
import { EVENTS_STREAM } from '@cohort/contracts';
import { Inject, Injectable } from '@nestjs/common';

const FRESH_MS = 50;

/** Instances ingest concurrently, so a group's event N+1 may be stored before N: delivering up to the ack floor keeps stream order. */
@Injectable()
export class IngestFloor {
  private cached: { value: number; at: number } | null = null;
  private readonly durable: string;

  constructor(
    private readonly stream: EventStream,
    @Inject(BUS_OPTIONS) options: BusOptions,
  ) {
    this.durable = durableNameOf(options.serviceName, ANY_EVENT);
  }

  async get(): Promise<number> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < FRESH_MS) return this.cached.value;
    const jsm = await this.stream.ensure();
    const info = await jsm.consumers.info(EVENTS_STREAM, this.durable);
    this.cached = { value: info.ack_floor.stream_seq, at: now };
    return this.cached.value;
  }
}
