import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { RequestContext } from '@cohort/bus';
import type { GroupsEnv } from '../config/groups.config';
import { GroupCreationService } from './group-creation.service';
import { GroupRepository } from './group.repository';

const BATCH = 100;

/**
 * Background repair: rolls back groups left pending by a crash in the creation saga (events left
 * in outboxes are the shared OutboxSweeper's). Safe with several replicas: every step is idempotent.
 */
@Injectable()
export class GroupSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GroupSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly groups: GroupRepository,
    private readonly creation: GroupCreationService,
    private readonly config: ConfigService<GroupsEnv, true>,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.get('SWEEP_INTERVAL_MS', { infer: true });
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((error: unknown) => this.logger.warn(`sweep failed: ${String(error)}`))
        .finally(() => (this.running = null));
    }, interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(now = Date.now()): Promise<void> {
    const cutoff = new Date(now - this.config.get('PENDING_GROUP_TIMEOUT_MS', { infer: true }));
    for (const group of await this.groups.findStalePending(cutoff, BATCH)) {
      this.logger.warn(`rolling back group ${group.groupId} left pending`);
      await this.creation.rollBack(this.systemContext(group.appId), group.groupId);
    }
  }

  private systemContext(appId: string): RequestContext {
    return { caller: { appId, userId: null, isAppAdmin: true }, requestId: `sweep-${Date.now()}` };
  }
}
