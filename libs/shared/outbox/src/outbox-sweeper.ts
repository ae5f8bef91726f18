import type { ServiceEnv } from '@cohort/config';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryService } from '@nestjs/core';

import { BackgroundSweep } from './background-sweep';
import { Outbox } from './outbox';
import type { OutboxCollection } from './outbox-collection';

const BATCH = 100;

/** A repository whose collection carries outboxes: the sweeper finds it by this decorator. */
export const HasOutbox = DiscoveryService.createDecorator<true>();

export interface OutboxOwner {
  readonly outbox: OutboxCollection;
}

/** Safe with several replicas: a resend has the same message id and JetStream drops the copy. */
@Injectable()
export class OutboxSweeper extends BackgroundSweep {
  private collections: OutboxCollection[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly outbox: Outbox,
    config: ConfigService<ServiceEnv, true>,
  ) {
    super(config);
  }

  override onApplicationBootstrap(): void {
    this.collections = this.discovery
      .getProviders({ metadataKey: HasOutbox.KEY })
      .map((wrapper) => (wrapper.instance as OutboxOwner | undefined)?.outbox)
      .filter((collection): collection is OutboxCollection => collection !== undefined);
    super.onApplicationBootstrap();
  }

  /** Known once the application has booted. */
  get outboxCollections(): readonly OutboxCollection[] {
    return this.collections;
  }

  async sweep(now = Date.now()): Promise<void> {
    const olderThan = new Date(now - this.config.get('OUTBOX_STALE_MS', { infer: true }));
    for (const collection of this.collections) {
      await collection.forgetEmpty(olderThan);
      for (const waiting of await collection.findWaiting(olderThan, BATCH)) {
        await this.outbox.flush(collection, waiting.filter, waiting.events);
      }
    }
  }
}
