import type { ServiceEnv } from '@cohort/config';
import { BackgroundSweep } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { StandingCache } from '../send-decision/standing-cache';
import { GroupFactsRepository } from './group-facts.repository';
import { OwnerCheckedGroupFacts } from './owner-checked-group-facts';

/** Groups compared with their owner per pass: the pass stays bounded whatever the number of groups. */
export const RECONCILE_BATCH = 50;

/**
 * Compares the projected facts of live groups (life, mute-all) with what the groups service
 * holds, a bounded page per sweep, round-robin over every group, and corrects what drifted — a
 * fact lost or reordered on the way must not leave a wrong send decision standing. A correction
 * is stamped with the time the owner was asked, so a newer event that arrived meanwhile wins. (A
 * group missing from the projection altogether is checked by the first decision that reads it.)
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
    // The groups service unreachable: this pass stops, the next one tries again.
    for (const { key, facts } of page) corrected += await this.owner.correct(key, facts);
    if (corrected > 0) {
      // Cached decisions may hold the drifted facts: read them again.
      this.cache.clear();
      this.logger.warn(`corrected ${corrected} drifted group fact(s) from the groups service`);
    }
  }
}
