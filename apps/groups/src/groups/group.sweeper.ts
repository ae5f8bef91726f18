import type { RequestContext } from '@cohort/bus';
import { BackgroundSweep } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { GroupsEnv } from '../config/groups.config';
import { GroupRepository } from './group.repository';
import { GroupCreationService } from './group-creation.service';

const BATCH = 100;

/** Repairs creations a crash cut off. Safe with several replicas: every step is idempotent. */
@Injectable()
export class GroupSweeper extends BackgroundSweep {
  constructor(
    private readonly groups: GroupRepository,
    private readonly creation: GroupCreationService,
    private readonly groupsConfig: ConfigService<GroupsEnv, true>,
  ) {
    super(groupsConfig);
  }

  async sweep(now = Date.now()): Promise<void> {
    const cutoff = new Date(now - this.groupsConfig.get('PENDING_GROUP_TIMEOUT_MS', { infer: true }));
    for (const group of await this.groups.findStale(cutoff, BATCH)) {
      const ctx = this.systemContext(group.appId);
      if (group.status === 'abandoned') {
        await this.creation.completeRollBack(ctx, group.groupId);
      } else {
        this.logger.warn(`rolling back group ${group.groupId} left pending`);
        await this.creation.rollBack(ctx, group.groupId);
      }
    }
  }

  private systemContext(appId: string): RequestContext {
    return { caller: { appId, userId: null, isAppAdmin: true }, requestId: `sweep-${Date.now()}` };
  }
}
