import { BusClient, type RequestContext } from '@cohort/bus';
import { AuditCommands, GroupCommands, MembershipCommands, WebhookCommands } from '@cohort/contracts';
import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { servicesHealth } from '../../health/services-health';
import { CallContext } from '../../http/call-context.decorator';
import { AdminController } from './admin-path';
import { AdminStats } from './dto/admin-answers';

@AdminController('stats', 'admin: stats', 'admin:read')
export class AdminStatsController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({ summary: 'Groups, chatrooms, members, events per minute and each service’s health' })
  @ApiOkResponse({ type: AdminStats })
  async stats(@CallContext() ctx: RequestContext): Promise<AdminStats> {
    const [groups, members, events, backlog, services] = await Promise.all([
      this.bus.send(GroupCommands.stats, ctx, {}),
      this.bus.send(MembershipCommands.stats, ctx, {}),
      this.bus.send(AuditCommands.stats, ctx, {}),
      this.bus.send(WebhookCommands.backlog, ctx, {}),
      servicesHealth(this.bus),
    ]);
    return {
      ...groups,
      members: members.members,
      eventsPerMinute: events.eventsLastMinute,
      eventsPerMinuteLastHour: Math.round((events.eventsLastHour / 60) * 10) / 10,
      webhookBacklog: backlog.pending,
      services,
    };
  }
}
