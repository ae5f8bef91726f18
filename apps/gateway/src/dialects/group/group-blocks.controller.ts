import { BusClient, type RequestContext } from '@cohort/bus';
import { Limits, ModerationCommands } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { DeleteOrPost } from '../../http/twin-route';
import { toUserResult } from './batch-result.presenter';
import { BlockBody, BlockedListQuery, UnblockBody } from './dto/block.dto';
import { groupUsers } from './dto/member.dto';
import { GroupUserResult } from './dto/member-answers';
import { GroupBlockedUser } from './dto/moderation-answers';
import { groupDialect } from './group-dialect';
import { ApiGroupPage, GroupPage } from './group-envelope.interceptor';
import { jsonId } from './group-info.presenter';

/** Blocking removes members. */
@ApiTags('group: moderation')
@Controller('group')
@Dialect(groupDialect)
@RateLimitFamily('group:moderation')
export class GroupBlocksController {
  constructor(private readonly bus: BusClient) {}

  @Post('block')
  @HttpCode(200)
  @ApiOperation({
    summary: `4.14 Block up to ${Limits.idsPerCall} members: they are removed from the group before the answer and cannot join again by any way until unblocked; owner and admins (admins only by the owner, never the owner); a result per user, in request order`,
  })
  @ApiOkResponse({ type: GroupUserResult, isArray: true })
  async block(@CallContext() ctx: RequestContext, @Body() body: BlockBody): Promise<GroupUserResult[]> {
    return (await this.bus.send(ModerationCommands.block, ctx, groupUsers(body))).map(toUserResult);
  }

  @DeleteOrPost('unblock')
  @ApiOperation({
    summary: `4.52 Take up to ${Limits.idsPerCall} users off the blocklist (they may join again); unblocking someone not blocked succeeds`,
  })
  @ApiOkResponse({ type: GroupUserResult, isArray: true })
  async unblock(@CallContext() ctx: RequestContext, @Body() body: UnblockBody): Promise<GroupUserResult[]> {
    return (await this.bus.send(ModerationCommands.unblock, ctx, groupUsers(body))).map(toUserResult);
  }

  @Get('blocked_list')
  @ApiOperation({ summary: '4.15 Blocked users, in the order they were blocked, in pages' })
  @ApiGroupPage(GroupBlockedUser)
  async blockedList(
    @CallContext() ctx: RequestContext,
    @Query() query: BlockedListQuery,
  ): Promise<GroupPage<GroupBlockedUser>> {
    const page = await this.bus.send(ModerationCommands.listBlocked, ctx, {
      groupId: query.group_id,
      cursor: query.cursor,
      limit: query.limit,
    });
    return GroupPage.of(page, (blocked) => ({
      created_at: new Date(blocked.at).toISOString(),
      group_id: jsonId(query.group_id),
      user_id: jsonId(blocked.userId),
    }));
  }
}
