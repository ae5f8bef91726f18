import { BackgroundSweep } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { AuditEnv } from '../config/audit.config';
import { AuditEntryRepository } from '../entries/audit-entry.repository';

const DAY_MS = 24 * 3600 * 1000;

/** Capped per app and pass (AUDIT_RETENTION_BATCH): a large backlog goes over a few passes. */
@Injectable()
export class AuditRetentionSweep extends BackgroundSweep {
  constructor(
    private readonly entries: AuditEntryRepository,
    private readonly auditConfig: ConfigService<AuditEnv, true>,
  ) {
    super(auditConfig);
  }

  retentionDays(appId: string): number {
    return (
      this.auditConfig.get('AUDIT_RETENTION_BY_APP', { infer: true })[appId] ??
      this.auditConfig.get('AUDIT_RETENTION_DAYS', { infer: true })
    );
  }

  async sweep(now = Date.now()): Promise<void> {
    const batch = this.auditConfig.get('AUDIT_RETENTION_BATCH', { infer: true });
    for (const appId of await this.entries.apps()) {
      const deleted = await this.entries.deleteOlder(appId, new Date(now - this.retentionDays(appId) * DAY_MS), batch);
      if (deleted) this.logger.log(`${appId}: ${deleted} audit entries past retention deleted`);
    }
  }
}
