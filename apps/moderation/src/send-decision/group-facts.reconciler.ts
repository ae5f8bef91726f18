import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { GroupCommands, type GroupKey } from '@cohort/contracts';
import { BusClient } from '@cohort/bus';
import type { ServiceEnv } from '@cohort/config';
import { isDomainError } from '@cohort/errors';
import { BackgroundSweep } from '@cohort/outbox';
import type { GroupFactValues } from '../standings/facts';
import { GroupFactsRepository } from './group-facts.repository';
import { StandingCache } from './standing-cache';

/** Groups compared with their owner per pass: the pass stays bounded whatever the number of groups. */
export const RECONCILE_BATCH = 50;

/**
 * Compares the projected facts of live groups (life, mute-all) with what the groups service
 * holds, a bounded page per sweep, round-robin over every group, and corrects what drifted — a
 * fact lost or reordered on the way must not leave a wrong send decision standing. A correction
 * is stamped with the time the owner was asked, so a newer event that arrived meanwhile wins.
 */
@Injectable()
export class GroupFactsReconciler extends BackgroundSweep {
  private after: unknown = null;

  constructor(
    private readonly groupFacts: GroupFactsRepository,
    private readonly bus: BusClient,
    private readonly cache: StandingCache,
    config: ConfigService<ServiceEnv, true>,
  ) {
    super(config);
  }

  async sweep(): Promise<void> {
    const page = await this.groupFacts.pageOfLive(this.after, RECONCILE_BATCH);
    this.after = page.length < RECONCILE_BATCH ? null : page[page.length - 1].id;
    let corrected = 0;
    for (const { key, facts } of page) {
      const askedAt = new Date();
      const truth = await this.ownerSays(key);
      if (facts.life?.value !== truth.life) {
        await this.groupFacts.apply(key, 'life', truth.life, askedAt);
        corrected++;
      }
      if (truth.life && (facts.muteAll?.value ?? null) !== truth.muteAll) {
        await this.groupFacts.apply(key, 'muteAll', truth.muteAll, askedAt);
        corrected++;
      }
    }
    if (corrected > 0) {
      // Cached decisions may hold the drifted facts: read them again.
      this.cache.clear();
      this.logger.warn(`corrected ${corrected} drifted group fact(s) from the groups service`);
    }
  }

  /** The group's life and mute-all as the groups service holds them. */
  private async ownerSays(key: GroupKey): Promise<GroupFactValues> {
    const ctx = { caller: { appId: key.appId, userId: null, isAppAdmin: true }, requestId: `reconcile-${randomUUID()}` };
    try {
      const group = await this.bus.send(GroupCommands.state, ctx, { groupId: key.groupId });
      return { life: group.status === 'active', muteAll: group.muteAllUntil };
    } catch (error) {
      if (isDomainError(error) && error.code === 'group_not_found') return { life: false, muteAll: null };
      throw error; // the groups service unreachable: this pass stops, the next one tries again
    }
  }
}
