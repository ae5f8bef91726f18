import type { RequestContext } from '@cohort/bus';
import type { AuditPage, AuditStatsView, DomainEvent, ListAuditCommand } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Injectable } from '@nestjs/common';

import { AuditEntryRepository } from './audit-entry.repository';
import { auditEntryOf } from './audit-facts';

const MINUTE_MS = 60_000;

/** The audit log is the app admin's: users never read it. */
function requireAppAdmin(ctx: RequestContext): void {
  if (!ctx.caller.isAppAdmin) throw new DomainError('forbidden', 'only the app admin may read the audit log');
}

@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditEntryRepository) {}

  record(event: DomainEvent): Promise<void> {
    return this.entries.record(event.appId, auditEntryOf(event));
  }

  async list(ctx: RequestContext, { cursor, limit, ...filter }: ListAuditCommand): Promise<AuditPage> {
    requireAppAdmin(ctx);
    const page = await this.entries.page(ctx.caller.appId, filter, limit, decodeCursor(cursor));
    return { items: page.items, cursor: encodeCursor(page.next) };
  }

  async stats(ctx: RequestContext, now = Date.now()): Promise<AuditStatsView> {
    requireAppAdmin(ctx);
    const [eventsLastMinute, eventsLastHour] = await Promise.all([
      this.entries.countSince(ctx.caller.appId, new Date(now - MINUTE_MS)),
      this.entries.countSince(ctx.caller.appId, new Date(now - 60 * MINUTE_MS)),
    ]);
    return { eventsLastMinute, eventsLastHour };
  }
}
