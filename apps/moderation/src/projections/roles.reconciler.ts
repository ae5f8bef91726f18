import type { ServiceEnv } from '@cohort/config';
import { BackgroundSweep } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { StandingCache } from '../send-decision/standing-cache';
import { StandingRepository } from '../standings/standing.repository';
import { OwnerCheckedRoles } from './owner-checked-roles';

export const ROLES_RECONCILE_BATCH = 200;

/**
 * A `member.joined` or `member.left` lost on the way must not leave a wrong send decision
 * standing. A user with no projected role at all is checked by the first decision that reads it.
 */
@Injectable()
export class RolesReconciler extends BackgroundSweep {
  private after: unknown = null;

  constructor(
    private readonly standings: StandingRepository,
    private readonly roles: OwnerCheckedRoles,
    private readonly cache: StandingCache,
    config: ConfigService<ServiceEnv, true>,
  ) {
    super(config);
  }

  async sweep(): Promise<void> {
    const page = await this.standings.pageWithRoles(this.after, ROLES_RECONCILE_BATCH);
    this.after = page.length < ROLES_RECONCILE_BATCH ? null : page[page.length - 1].id;
    const byGroup = new Map<string, typeof page>();
    for (const entry of page) {
      const groupKey = `${entry.key.appId}\n${entry.key.groupId}`;
      byGroup.set(groupKey, [...(byGroup.get(groupKey) ?? []), entry]);
    }
    let corrected = 0;
    for (const entries of byGroup.values()) corrected += await this.roles.correct(entries[0].key, entries);
    if (corrected > 0) {
      // Cached decisions may hold the drifted roles: read them again.
      this.cache.clear();
      this.logger.warn(`corrected ${corrected} drifted role(s) from membership`);
    }
  }
}
