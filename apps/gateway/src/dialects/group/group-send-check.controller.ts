import { BusClient, type RequestContext } from '@cohort/bus';
import { MembershipCommands, type MemberView, ModerationCommands } from '@cohort/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { QueryArguments } from '../../http/route-meta';
import { SendCheckQuery } from './dto/block.dto';
import { MemberListQuery } from './dto/member.dto';
import { GroupRecipient, GroupSendDecision } from './dto/moderation-answers';
import { groupDialect } from './group-dialect';
import { ApiGroupPage, GroupPage } from './group-envelope.interceptor';
import { jsonId } from './group-info.presenter';

const toRecipient = (member: MemberView): GroupRecipient => ({
  user_id: jsonId(member.userId),
  role: member.role,
  join_time: member.joinedAt,
  msg_mute_mode: member.msgMuteMode,
  msg_push_mode: member.msgPushMode,
  notifications_muted_until: member.notificationsMutedUntil,
});

/** For message servers outside the deployment; inside it, they ask on NATS. */
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

  @Get('recipients')
  @ApiOperation({
    summary:
      "The recipients view (ours), for the app's message server: the members in join order, each with what steers delivery to them (role, join time, mute and push modes, notification mute), in keyset pages. App-admin token only",
  })
  @ApiGroupPage(GroupRecipient)
  async recipients(
    @CallContext() ctx: RequestContext,
    @Query() query: MemberListQuery,
  ): Promise<GroupPage<GroupRecipient>> {
    const page = await this.bus.send(MembershipCommands.recipients, ctx, {
      groupId: query.group_id,
      cursor: query.cursor,
      limit: query.limit,
    });
    return GroupPage.of(page, toRecipient);
  }
}
