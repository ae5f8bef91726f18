import type { NatsConnectionHolder } from '@cohort/bus';
import { Logger } from '@nestjs/common';
import type { KV, KvEntry, QueuedIterator } from 'nats';

/** Reads are local (no NATS round trip on the hot path); writes reach the other replicas within milliseconds. */
export class WatchedBucket<T> {
  private readonly logger: Logger;
  private readonly values = new Map<string, T>();
  private kv: KV | null = null;
  private watch: QueuedIterator<KvEntry> | null = null;

  constructor(
    private readonly holder: NatsConnectionHolder,
    private readonly bucket: string,
    private readonly ttlMs: number,
  ) {
    this.logger = new Logger(`WatchedBucket(${bucket})`);
  }

  async open(): Promise<void> {
    const nc = await this.holder.get();
    const kv = await nc.jetstream().views.kv(this.bucket, { history: 1, ttl: this.ttlMs });
    let initialized!: () => void;
    const mirrored = new Promise<void>((resolve) => (initialized = resolve));
    this.watch = await kv.watch({ initializedFn: () => initialized() });
    void this.follow(this.watch);
    this.kv = kv;
    await mirrored;
  }

  get(key: string): T | undefined {
    return this.values.get(key);
  }

  entries(): IterableIterator<[string, T]> {
    return this.values.entries();
  }

  async put(key: string, value: T): Promise<void> {
    this.values.set(key, value);
    if (!this.kv) throw new Error(`the ${this.bucket} bucket is not open yet`);
    await this.kv.put(key, JSON.stringify(value));
  }

  close(): void {
    this.watch?.stop();
  }

  private async follow(watch: QueuedIterator<KvEntry>): Promise<void> {
    try {
      for await (const entry of watch) {
        if (entry.operation === 'PUT') this.values.set(entry.key, entry.json<T>());
        else this.values.delete(entry.key);
      }
    } catch (error) {
      this.logger.error(`watch ended: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
