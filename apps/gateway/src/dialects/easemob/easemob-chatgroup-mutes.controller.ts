import { BusClient, type RequestContext } from '@cohort/bus';
import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import type { MutedUser, MuteOutcome, UnmuteOutcome } from './dto/easemob-answers';
import { MuteUsersBody } from './dto/mute.dto';
import { chatgroup, ChatgroupController } from './easemob-chatgroup-path';
import { easemobDialect } from './easemob-dialect';
import type { EasemobList } from './easemob-envelope.interceptor';
import { ApiMutedUsers, ApiMuteUsers, ApiUnmuteUsers, mutedUsers, muteUsers, unmuteUsers } from './easemob-mutes';

@ChatgroupController()
@Dialect(easemobDialect)
@RateLimitFamily('easemob:moderation')
export class EasemobChatgroupMutesController {
  constructor(private readonly bus: BusClient) {}

  @Get('mute')
  @ApiMutedUsers()
  list(@CallContext() ctx: RequestContext, @Param('group_id') id: string): Promise<EasemobList<MutedUser>> {
    return mutedUsers(this.bus, ctx, chatgroup(id));
  }

  @Post('mute')
  @HttpCode(200)
  @ApiMuteUsers(true)
  mute(
    @CallContext() ctx: RequestContext,
    @Param('group_id') id: string,
    @Body() body: MuteUsersBody,
  ): Promise<MuteOutcome[]> {
    return muteUsers(this.bus, ctx, chatgroup(id), body, true);
  }

  @Delete('mute/:usernames')
  @ApiUnmuteUsers()
  unmute(
    @CallContext() ctx: RequestContext,
    @Param('group_id') id: string,
    @Param('usernames') usernames: string,
  ): Promise<UnmuteOutcome[]> {
    return unmuteUsers(this.bus, ctx, chatgroup(id), usernames);
  }
}
