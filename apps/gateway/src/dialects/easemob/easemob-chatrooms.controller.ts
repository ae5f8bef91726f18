import { BusClient, type RequestContext } from '@cohort/bus';
import { GroupCommands, Limits } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { CallApp, CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { matching } from '../../http/path-constraint';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { newGroupCapacityOf } from '../../tenancy/app-config';
import type { RegisteredApp } from '../../tenancy/apps.registry';
import { CreateChatroomBody } from './dto/chatroom.dto';
import { ChatroomCreated, ChatroomDetails, ChatroomSummary } from './dto/easemob-answers';
import { ChatroomListQuery, pagingParams } from './dto/easemob-paging.dto';
import { chatroomIdsOf, chatroomsDetails } from './easemob-chatroom-details';
import { CHATROOMS_TAG } from './easemob-chatroom-path';
import { chatroomSummary } from './easemob-chatrooms.presenter';
import { easemobDialect } from './easemob-dialect';
import { EasemobList } from './easemob-envelope.interceptor';
import { withinCapacityCeiling } from './easemob-maxusers';

/** The router has decoded `%2C`; which ids: chatroomIdsOf. */
const CHATROOM_IDS = /^[0-9,]+$/;

@ApiTags(CHATROOMS_TAG)
@Controller(':org/:app/chatrooms')
@Dialect(easemobDialect)
@RateLimitFamily('easemob:chatrooms')
export class EasemobChatroomsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a chatroom for its owner, with members besides the owner' })
  @ApiOkResponse({ type: ChatroomCreated })
  @ApiBadRequestResponse({
    description: "An invalid field, maxusers above the app's ceiling, or more members than maxusers − 1",
  })
  async create(
    @CallContext() ctx: RequestContext,
    @CallApp() app: RegisteredApp,
    @Body() body: CreateChatroomBody,
  ): Promise<ChatroomCreated> {
    const view = await this.bus.send(GroupCommands.create, ctx, {
      type: 'chatroom',
      name: body.name,
      ...(body.description != null ? { description: body.description } : {}),
      capacity: body.maxusers != null ? withinCapacityCeiling(app, body.maxusers) : newGroupCapacityOf(app),
      ownerId: body.owner,
      memberIds: body.members ?? [],
      ...(body.custom != null ? { ext: body.custom } : {}),
    });
    return { id: view.groupId };
  }

  @Get()
  @ApiOperation({
    summary:
      "The app's chatrooms, oldest first, a page at a time: `cursor` (top level) fetches the next page and is absent on the last",
  })
  @ApiOkResponse({ type: ChatroomSummary, isArray: true })
  @ApiBadRequestResponse({ description: 'limit out of range, or an invalid cursor' })
  async list(
    @CallContext() ctx: RequestContext,
    @Query() query: ChatroomListQuery,
  ): Promise<EasemobList<ChatroomSummary>> {
    const page = await this.bus.send(GroupCommands.listChatrooms, ctx, {
      limit: query.limit,
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    });
    return new EasemobList(
      page.items.map(chatroomSummary),
      pagingParams({ limit: query.limit, cursor: query.cursor }),
      page.cursor,
    );
  }

  @Get(matching('id', CHATROOM_IDS))
  @ApiParam({
    name: 'id',
    description: `One chatroom id, or up to ${Limits.batchGroupInfo} separated by commas (\`,\` or \`%2C\`)`,
    schema: { type: 'string', pattern: CHATROOM_IDS.source },
  })
  @ApiOperation({
    summary:
      'Details of one chatroom or up to 100, with their first 1000 members; missing, deleted ones and private groups are left out (none found: 404)',
  })
  @ApiOkResponse({ type: ChatroomDetails, isArray: true })
  @ApiBadRequestResponse({ description: 'More than 100 ids, or a malformed list' })
  async details(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<EasemobList<ChatroomDetails>> {
    return new EasemobList(await chatroomsDetails(this.bus, ctx, chatroomIdsOf(id)));
  }
}
