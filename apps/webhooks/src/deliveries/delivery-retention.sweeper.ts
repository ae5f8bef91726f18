import { BackgroundSweep } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { AppsConfig } from '../apps-config/apps-config';
import type { WebhooksEnv } from '../config/webhooks.config';
import { DeliveryRepository } from './delivery.repository';

const DAY_MS = 24 * 3600 * 1000;

/** Pending deliveries are never purged: they are still owed. */
@Injectable()
export class DeliveryRetentionSweep extends BackgroundSweep {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly apps: AppsConfig,
    private readonly webhooksConfig: ConfigService<WebhooksEnv, true>,
  ) {
    super(webhooksConfig);
  }

  async sweep(now = Date.now()): Promise<void> {
    const before = new Date(now - this.webhooksConfig.get('WEBHOOK_DELIVERY_RETENTION_DAYS', { infer: true }) * DAY_MS);
    const batch = this.webhooksConfig.get('WEBHOOK_DELIVERY_PURGE_BATCH', { infer: true });
    for (const app of this.apps.all()) {
      const deleted = await this.deliveries.deleteFinishedBefore(app.appId, before, batch);
      if (deleted) this.logger.log(`${app.appId}: ${deleted} webhook deliveries past retention deleted`);
    }
  }
}
