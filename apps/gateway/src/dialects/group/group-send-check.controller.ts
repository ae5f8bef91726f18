import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ModerationCommands } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';
import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { QueryArguments } from '../../http/route-meta';
import { SendCheckQuery } from './dto/block.dto';
import { GroupSendDecision } from './dto/moderation-answers';
import { groupDialect } from './group-dialect';

/** The send decision over HTTP, for message servers outside the deployment (inside it, ask it on NATS). */
@ApiTags('group: moderation')
@Controller('group')
@Dialect(groupDialect)
@RateLimitFamily('group:send_check')
export class GroupSendCheckController {
  constructor(private readonly bus: BusClient) {}

  @Get('send_check')
  @QueryArguments('user_id')
  @ApiOperation({
    summary:
      'May `user_id` send in `group_id` now? The first rule that applies: group_not_found, blocked, not_member, muted (even if allowlisted), muted_all (not the owner, admins or the allowlisted), else ok. App-admin token only. The `user_id` query parameter here is the sender asked about (acting as a user takes the `user_id` header)',
  })
  @ApiOkResponse({ type: GroupSendDecision })
  sendCheck(@CallContext() ctx: RequestContext, @Query() query: SendCheckQuery): Promise<GroupSendDecision> {
    return this.bus.send(ModerationCommands.sendCheck, ctx, { groupId: query.group_id, userId: query.user_id });
  }
}
