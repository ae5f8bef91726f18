import { BusClient, type RequestContext } from '@cohort/bus';
import { AuditCommands, type AuditPage } from '@cohort/contracts';
import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { AdminController } from './admin-path';
import { AdminPage } from './dto/admin-answers';
import { AdminAuditQuery } from './dto/admin-queries';

@AdminController('audit', 'admin: audit', 'admin:read')
export class AdminAuditController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log, newest first, cursor-paged; filter by group, actor, target user, action, time range',
  })
  @ApiOkResponse({
    type: AdminPage,
    description: 'Entries: `{entryId, at, action, groupId, actor: {kind, userId}, targets, before, after, requestId}`',
  })
  list(@CallContext() ctx: RequestContext, @Query() q: AdminAuditQuery): Promise<AuditPage> {
    return this.bus.send(AuditCommands.list, ctx, {
      groupId: q.groupId,
      actorId: q.actor,
      actorKind: q.actorKind,
      targetUserId: q.target,
      action: q.action,
      from: q.from,
      to: q.to,
      cursor: q.cursor,
      limit: q.limit ?? 50,
    });
  }
}
