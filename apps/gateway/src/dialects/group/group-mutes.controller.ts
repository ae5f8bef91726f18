import { BusClient, type RequestContext } from '@cohort/bus';
import { Limits, ModerationCommands } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { bannedPage } from './banned-list';
import { toUserResult } from './batch-result.presenter';
import { groupUsers } from './dto/member.dto';
import { GroupMemberProfile, GroupUserResult } from './dto/member-answers';
import { BanBody, BannedListQuery, muteOf, UnbanBody } from './dto/mute.dto';
import { groupDialect } from './group-dialect';
import { ApiGroupPage, GroupPage } from './group-envelope.interceptor';

@ApiTags('group: moderation')
@Controller('group')
@Dialect(groupDialect)
@RateLimitFamily('group:moderation')
export class GroupMutesController {
  constructor(private readonly bus: BusClient) {}

  @Post('ban')
  @HttpCode(200)
  @ApiOperation({
    summary: `4.12 Mute up to ${Limits.idsPerCall} members for \`duration\` minutes (-1 permanent, 0 lifts): owner and admins; a result per user, in request order`,
  })
  @ApiOkResponse({ type: GroupUserResult, isArray: true })
  async ban(@CallContext() ctx: RequestContext, @Body() body: BanBody): Promise<GroupUserResult[]> {
    return (await this.bus.send(ModerationCommands.mute, ctx, muteOf(body))).map(toUserResult);
  }

  @Post('unban')
  @HttpCode(200)
  @ApiOperation({
    summary: `4.51 Lift the mutes of up to ${Limits.idsPerCall} users: a result per user, in request order`,
  })
  @ApiOkResponse({ type: GroupUserResult, isArray: true })
  async unban(@CallContext() ctx: RequestContext, @Body() body: UnbanBody): Promise<GroupUserResult[]> {
    return (await this.bus.send(ModerationCommands.unmute, ctx, groupUsers(body))).map(toUserResult);
  }

  @Get('banned_list')
  @ApiOperation({
    summary:
      '4.13 Muted users, in the order they were muted, in pages; `expired_time` is when the mute ends (-1 permanent)',
  })
  @ApiGroupPage(GroupMemberProfile)
  async bannedList(
    @CallContext() ctx: RequestContext,
    @Query() query: BannedListQuery,
  ): Promise<GroupPage<GroupMemberProfile>> {
    const mutes = await this.bus.send(ModerationCommands.listMutes, ctx, {
      groupId: query.group_id,
      cursor: query.cursor,
      limit: query.limit,
    });
    return bannedPage(this.bus, ctx, query.group_id, mutes);
  }
}
