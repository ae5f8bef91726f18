import { randomUUID } from 'node:crypto';

import { BusClient } from '@cohort/bus';
import { GroupCommands, type GroupKey } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { Injectable, Logger } from '@nestjs/common';

import type { GroupFacts, GroupFactValues } from '../standings/facts';
import { GroupFactsRepository } from './group-facts.repository';

/**
 * A group with no projection at all (its `group.created` lost or still on its way) is asked of
 * the groups service before answering "no such group". A correction is stamped with the time the
 * owner was asked, so a newer event wins.
 */
@Injectable()
export class OwnerCheckedGroupFacts {
  private readonly logger = new Logger(OwnerCheckedGroupFacts.name);

  constructor(
    private readonly groupFacts: GroupFactsRepository,
    private readonly bus: BusClient,
  ) {}

  async get(key: GroupKey): Promise<GroupFacts> {
    const facts = await this.groupFacts.get(key);
    if (facts.life) return facts;
    try {
      return (await this.correct(key, facts)) > 0 ? await this.groupFacts.get(key) : facts;
    } catch (error) {
      this.logger.warn(`group ${key.groupId} has no projected facts and its owner did not answer: ${String(error)}`);
      return facts;
    }
  }

  async correct(key: GroupKey, facts: GroupFacts): Promise<number> {
    const askedAt = new Date();
    const truth = await this.ownerSays(key);
    if (!truth) return 0;
    let corrected = 0;
    if (facts.life?.value !== truth.life) {
      await this.groupFacts.apply(key, 'life', truth.life, askedAt);
      corrected++;
    }
    if (truth.life && (!facts.muteAll || facts.muteAll.value !== truth.muteAll)) {
      await this.groupFacts.apply(key, 'muteAll', truth.muteAll, askedAt);
      corrected++;
    }
    return corrected;
  }

  /** Null while its creation is in progress or rolled back: its `group.created` is the fact to wait for. */
  private async ownerSays(key: GroupKey): Promise<GroupFactValues | null> {
    const ctx = {
      caller: { appId: key.appId, userId: null, isAppAdmin: true },
      requestId: `group-facts-${randomUUID()}`,
    };
    try {
      const group = await this.bus.send(GroupCommands.state, ctx, { groupId: key.groupId });
      if (group.status === 'pending' || group.status === 'abandoned') return null;
      return { life: group.status === 'active', muteAll: group.muteAllUntil };
    } catch (error) {
      if (isDomainError(error) && error.code === 'group_not_found') return { life: false, muteAll: null };
      throw error;
    }
  }
}
