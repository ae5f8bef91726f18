import { BusClient, type RequestContext } from '@cohort/bus';
import { ContentCommands, Limits } from '@cohort/contracts';
import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RouteFields } from '../../http/field-names';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { ChatroomAnnouncementBody } from './dto/announcement.dto';
import { ChatroomAnnouncement, ChatroomAnnouncementSet } from './dto/easemob-answers';
import { chatroom, ChatroomController } from './easemob-chatroom-path';
import { easemobDialect } from './easemob-dialect';

/** One string: the content of the group's latest announcement, the one `/group/announcement/last` reads. */
@ChatroomController()
@Dialect(easemobDialect)
@RateLimitFamily('easemob:announcements')
export class EasemobChatroomAnnouncementController {
  constructor(private readonly bus: BusClient) {}

  @Get('announcement')
  @ApiOperation({ summary: "The chatroom's current announcement (empty when there is none)" })
  @ApiOkResponse({ type: ChatroomAnnouncement })
  async get(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<ChatroomAnnouncement> {
    const current = await this.bus.send(ContentCommands.currentAnnouncement, ctx, chatroom(id));
    return { announcement: current?.content ?? '' };
  }

  @Post('announcement')
  @HttpCode(200)
  @RouteFields({ content: 'announcement' })
  @ApiOperation({
    summary: `Publish the chatroom's new announcement (at most ${Limits.chatroomAnnouncement} characters), without a title`,
  })
  @ApiOkResponse({ type: ChatroomAnnouncementSet })
  async set(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: ChatroomAnnouncementBody,
  ): Promise<ChatroomAnnouncementSet> {
    await this.bus.send(ContentCommands.publishAnnouncement, ctx, {
      ...chatroom(id),
      title: '',
      content: body.announcement,
    });
    return { id, result: true };
  }
}
