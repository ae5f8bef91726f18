import { BusClient, type RequestContext } from '@cohort/bus';
import { GroupCommands, Limits, MembershipCommands } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { allSentAs, RouteFields } from '../../http/field-names';
import { oneOf } from '../../http/path-constraint';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { PutOrPost } from '../../http/twin-route';
import { everyPage } from '../every-page';
import { GroupIdQuery, GroupInfoValueBody, GroupListBody } from './dto/group.dto';
import type { JsonId } from './dto/group-answers';
import { DONE, GroupInfo, JSON_ID, ShortGroupInfo } from './dto/group-answers';
import { groupDialect } from './group-dialect';
import { jsonId, toGroupInfo, toShortGroupInfo } from './group-info.presenter';

/** Their limits are the profile command's. */
const INFO_FIELDS = ['name', 'description', 'avatar', 'ext'] as const;
type InfoField = (typeof INFO_FIELDS)[number];
const INFO_FIELD_ROUTE = `info/${oneOf('field', INFO_FIELDS)}`;

@ApiTags('group: info')
@Controller('group')
@Dialect(groupDialect)
@RateLimitFamily('group:info')
export class GroupInfoController {
  constructor(private readonly bus: BusClient) {}

  @Get('info')
  @ApiOperation({ summary: '4.24 Group information' })
  @ApiOkResponse({ type: GroupInfo })
  async info(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery): Promise<GroupInfo> {
    return toGroupInfo(await this.bus.send(MembershipCommands.groupInfo, ctx, { groupId: query.group_id }));
  }

  @Get('public_list')
  @ApiOperation({ summary: '4.39 Public groups and chatrooms (deprecated): all their ids, newest first' })
  @ApiOkResponse({ schema: { type: 'array', items: JSON_ID } })
  async publicList(@CallContext() ctx: RequestContext): Promise<JsonId[]> {
    const ids = await everyPage((cursor) =>
      this.bus.send(GroupCommands.listPublic, ctx, { cursor, limit: Limits.publicListMax }),
    );
    return ids.map(jsonId);
  }

  @Post('info/batch')
  @HttpCode(200)
  @ApiOperation({ summary: '4.26 Short information of up to 100 groups (unknown or unreadable ones are left out)' })
  @ApiOkResponse({ type: ShortGroupInfo, isArray: true })
  async batch(@CallContext() ctx: RequestContext, @Body() body: GroupListBody): Promise<ShortGroupInfo[]> {
    const views = await this.bus.send(GroupCommands.getMany, ctx, { groupIds: body.group_list });
    return views.map(toShortGroupInfo);
  }

  @PutOrPost(INFO_FIELD_ROUTE)
  // Whichever field the path names, its value is sent as `value` (and so is the whole profile).
  @RouteFields(allSentAs('value', [...INFO_FIELDS, 'profile']))
  @ApiParam({ name: 'field', enum: [...INFO_FIELDS] })
  @ApiOperation({ summary: '4.25/4.27/4.28/4.29 Update avatar, description, ext or name' })
  @ApiOkResponse({ schema: DONE })
  async update(
    @CallContext() ctx: RequestContext,
    @Param('field') field: InfoField,
    @Body() body: GroupInfoValueBody,
  ): Promise<true> {
    await this.bus.send(GroupCommands.updateProfile, ctx, { groupId: body.group_id, [field]: body.value });
    return true;
  }
}
