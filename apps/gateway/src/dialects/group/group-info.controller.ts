import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Limits, GroupCommands } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';
import { invalidParameter, renameInvalidField } from '@cohort/errors';
import { CallContext } from '../../http/call-context.decorator';
import { GroupIdQuery, GroupInfoValueBody, GroupListBody } from './dto/group.dto';
import { GroupEndpoints } from './group-endpoints.decorator';
import { toGroupInfo, toShortGroupInfo } from './group-info.presenter';

/** The editable profile fields of 4.25/4.27/4.28/4.29 and their length limits. */
const INFO_FIELDS = {
  name: Limits.groupName,
  description: Limits.description,
  avatar: Limits.avatarUrl,
  ext: Limits.ext,
} as const;
type InfoField = keyof typeof INFO_FIELDS;
/** Route constraint: an unknown field is an unknown endpoint (404) before auth or body checks. */
const INFO_FIELD_ROUTE = `info/:field(${Object.keys(INFO_FIELDS).map((f) => `^${f}$`).join('|')})`;

@ApiTags('group: info')
@Controller('group')
@GroupEndpoints()
export class GroupInfoController {
  constructor(private readonly bus: BusClient) {}

  @Get('info')
  @ApiOperation({ summary: '4.24 Group information' })
  async info(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery) {
    return toGroupInfo(await this.bus.send(GroupCommands.get, ctx, { groupId: query.group_id }));
  }

  @Post('info/batch')
  @HttpCode(200)
  @ApiOperation({ summary: '4.26 Short information of up to 100 groups (unknown or unreadable ones are left out)' })
  async batch(@CallContext() ctx: RequestContext, @Body() body: GroupListBody) {
    const views = await this.bus.send(GroupCommands.getMany, ctx, { groupIds: body.group_list });
    return views.map(toShortGroupInfo);
  }

  @Put(INFO_FIELD_ROUTE)
  @ApiParam({ name: 'field', enum: Object.keys(INFO_FIELDS) })
  @ApiOperation({ summary: '4.25/4.27/4.28/4.29 Update avatar, description, ext or name' })
  updateByPut(@CallContext() ctx: RequestContext, @Param('field') field: string, @Body() body: GroupInfoValueBody) {
    return this.update(ctx, field, body);
  }

  @Post(INFO_FIELD_ROUTE)
  @HttpCode(200)
  @ApiParam({ name: 'field', enum: Object.keys(INFO_FIELDS) })
  @ApiOperation({ summary: '4.25/4.27/4.28/4.29 Update avatar, description, ext or name' })
  updateByPost(@CallContext() ctx: RequestContext, @Param('field') field: string, @Body() body: GroupInfoValueBody) {
    return this.update(ctx, field, body);
  }

  private async update(ctx: RequestContext, field: string, body: GroupInfoValueBody): Promise<true> {
    const limit = INFO_FIELDS[field as InfoField];
    if (body.value.length > limit) throw invalidParameter('value', `must be at most ${limit} characters for ${field}`);
    try {
      await this.bus.send(GroupCommands.updateProfile, ctx, { groupId: body.group_id, [field]: body.value });
    } catch (error) {
      throw renameInvalidField(error, field, 'value');
    }
    return true;
  }
}
