import { BusClient, type RequestContext } from '@cohort/bus';
import { GroupCommands, PERMANENT } from '@cohort/contracts';
import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { MuteAllOutcome, type MutedUser, type MuteOutcome, type UnmuteOutcome } from './dto/easemob-answers';
import { MuteUsersBody } from './dto/mute.dto';
import { chatroom, ChatroomController } from './easemob-chatroom-path';
import { easemobDialect } from './easemob-dialect';
import type { EasemobList } from './easemob-envelope.interceptor';
import { ApiMutedUsers, ApiMuteUsers, ApiUnmuteUsers, mutedUsers, muteUsers, unmuteUsers } from './easemob-mutes';

@ChatroomController()
@Dialect(easemobDialect)
@RateLimitFamily('easemob:moderation')
export class EasemobChatroomMutesController {
  constructor(private readonly bus: BusClient) {}

  @Get('mute')
  @ApiMutedUsers()
  list(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<EasemobList<MutedUser>> {
    return mutedUsers(this.bus, ctx, chatroom(id));
  }

  @Post('mute')
  @HttpCode(200)
  @ApiMuteUsers(false)
  mute(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: MuteUsersBody,
  ): Promise<MuteOutcome[]> {
    return muteUsers(this.bus, ctx, chatroom(id), body);
  }

  @Delete('mute/:usernames')
  @ApiUnmuteUsers()
  unmute(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('usernames') usernames: string,
  ): Promise<UnmuteOutcome[]> {
    return unmuteUsers(this.bus, ctx, chatroom(id), usernames);
  }

  @Post('ban')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mute the whole chatroom until lifted: only the owner, admins and allowlisted users may send',
  })
  @ApiOkResponse({ type: MuteAllOutcome })
  muteAll(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<MuteAllOutcome> {
    return this.setMuteAll(ctx, id, true);
  }

  @Delete('ban')
  @ApiOperation({ summary: "Lift the chatroom's mute-all" })
  @ApiOkResponse({ type: MuteAllOutcome })
  unmuteAll(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<MuteAllOutcome> {
    return this.setMuteAll(ctx, id, false);
  }

  private async setMuteAll(ctx: RequestContext, id: string, mute: boolean): Promise<MuteAllOutcome> {
    await this.bus.send(GroupCommands.setMuteAll, ctx, { ...chatroom(id), durationMs: mute ? PERMANENT : 0 });
    return { mute };
  }
}
