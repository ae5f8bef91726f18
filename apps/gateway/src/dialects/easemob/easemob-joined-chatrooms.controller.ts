import { BusClient, type RequestContext } from '@cohort/bus';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { JoinedChatroom } from './dto/easemob-answers';
import { JoinedChatroomsQuery, joinedPage } from './dto/easemob-paging.dto';
import { easemobDialect } from './easemob-dialect';
import { EasemobList } from './easemob-envelope.interceptor';
import { joinedChatrooms } from './easemob-joined-chatrooms';

@ApiTags('easemob: chatrooms')
@Controller(':org/:app/users/:username')
@Dialect(easemobDialect)
@RateLimitFamily('easemob:members')
export class EasemobJoinedChatroomsController {
  constructor(private readonly bus: BusClient) {}

  @Get('joined_chatrooms')
  @ApiOperation({
    summary: 'The chatrooms a user joined, most recent first: a page, or without paging the 500 most recent',
  })
  @ApiOkResponse({ type: JoinedChatroom, isArray: true })
  @ApiBadRequestResponse({ description: 'pagenum or pagesize out of range, or an invalid username' })
  async list(
    @CallContext() ctx: RequestContext,
    @Param('username') username: string,
    @Query() query: JoinedChatroomsQuery,
  ): Promise<EasemobList<JoinedChatroom>> {
    const { params, ...page } = joinedPage(query);
    return new EasemobList(await joinedChatrooms(this.bus, ctx, username, page), params);
  }
}
