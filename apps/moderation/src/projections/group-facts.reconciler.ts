import type { ServiceEnv } from '@cohort/config';
import { BackgroundSweep } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { StandingCache } from '../send-decision/standing-cache';
import { GroupFactsRepository } from './group-facts.repository';
import { OwnerCheckedGroupFacts } from './owner-checked-group-facts';

export const RECONCILE_BATCH = 50;

/**
 * An event lost or reordered must not leave a wrong send decision standing. A group missing from
 * the projection altogether is checked by the first decision that reads it.
 */
@Injectable()
export class GroupFactsReconciler extends BackgroundSweep {
  private after: unknown = null;

  constructor(
    private readonly groupFacts: GroupFactsRepository,
    private readonly owner: OwnerCheckedGroupFacts,
    private readonly cache: StandingCache,
    config: ConfigService<ServiceEnv, true>,
  ) {
    super(config);
  }

  async sweep(): Promise<void> {
    const page = await this.groupFacts.pageOfLive(this.after, RECONCILE_BATCH);
    this.after = page.length < RECONCILE_BATCH ? null : page[page.length - 1].id;
    let corrected = 0;
    for (const { key, facts } of page) corrected += await this.owner.correct(key, facts);
    if (corrected > 0) {
      // Cached decisions may hold the drifted facts: read them again.
      this.cache.clear();
      this.logger.warn(`corrected ${corrected} drifted group fact(s) from the groups service`);
    }
  }
}
