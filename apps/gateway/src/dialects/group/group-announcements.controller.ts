import { BusClient, type RequestContext } from '@cohort/bus';
import { ContentCommands, Limits } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { DeleteOrPost } from '../../http/twin-route';
import { toGroupAnnouncement } from './content.presenter';
import { AnnouncementBody, AnnouncementQuery, ContentListQuery } from './dto/content.dto';
import { GroupAnnouncement } from './dto/content-answers';
import { GroupIdQuery } from './dto/group.dto';
import { EMPTY } from './dto/member-answers';
import { groupDialect } from './group-dialect';
import { ApiGroupPage, GroupPage } from './group-envelope.interceptor';

const WHO_PUBLISHES = 'owner and admins; members too with `allow_member_modify`';

/** The latest entry is the current announcement of every dialect. */
@ApiTags('group: announcements')
@Controller('group/announcement')
@Dialect(groupDialect)
@RateLimitFamily('group:announcements')
export class GroupAnnouncementsController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({ summary: '4.4 One announcement of the group (members; anyone for a chatroom or a public group)' })
  @ApiOkResponse({ type: GroupAnnouncement })
  async get(@CallContext() ctx: RequestContext, @Query() query: AnnouncementQuery): Promise<GroupAnnouncement> {
    return toGroupAnnouncement(await this.bus.send(ContentCommands.getAnnouncement, ctx, announcementOf(query)));
  }

  @DeleteOrPost('delete')
  @ApiOperation({ summary: `4.5 Delete an announcement (${WHO_PUBLISHES}); the one before it becomes current again` })
  @ApiOkResponse({ schema: EMPTY })
  async delete(@CallContext() ctx: RequestContext, @Query() query: AnnouncementQuery): Promise<Record<string, never>> {
    await this.bus.send(ContentCommands.deleteAnnouncement, ctx, announcementOf(query));
    return {};
  }

  @Post('edit')
  @HttpCode(200)
  @ApiOperation({ summary: `4.6 Publish a new announcement, which becomes the current one (${WHO_PUBLISHES})` })
  @ApiOkResponse({ type: GroupAnnouncement })
  async edit(@CallContext() ctx: RequestContext, @Body() body: AnnouncementBody): Promise<GroupAnnouncement> {
    const published = await this.bus.send(ContentCommands.publishAnnouncement, ctx, {
      groupId: body.group_id,
      title: body.title,
      content: body.content,
    });
    return toGroupAnnouncement(published);
  }

  @Get('last')
  @ApiOperation({ summary: '4.7 The current announcement: the latest one not deleted, or null' })
  @ApiExtraModels(GroupAnnouncement)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(GroupAnnouncement) }, { type: 'object', nullable: true, enum: [null] }] },
  })
  async last(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery): Promise<GroupAnnouncement | null> {
    const current = await this.bus.send(ContentCommands.currentAnnouncement, ctx, { groupId: query.group_id });
    return current && toGroupAnnouncement(current);
  }

  @Get('list')
  @ApiOperation({
    summary: `4.8 The announcements, newest first, all of them (or a page of at most ${Limits.contentPageMax} with \`limit\` or \`cursor\`)`,
  })
  @ApiGroupPage(GroupAnnouncement)
  async list(
    @CallContext() ctx: RequestContext,
    @Query() query: ContentListQuery,
  ): Promise<GroupPage<GroupAnnouncement>> {
    return ContentListQuery.answer(
      query,
      (cursor, limit) =>
        this.bus.send(ContentCommands.listAnnouncements, ctx, { groupId: query.group_id, cursor, limit }),
      toGroupAnnouncement,
    );
  }
}

const announcementOf = (query: AnnouncementQuery) => ({
  groupId: query.group_id,
  announcementId: query.announcement_id,
});
