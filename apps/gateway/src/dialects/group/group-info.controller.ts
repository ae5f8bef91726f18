import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Limits, Subjects } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';
import { DomainError, invalidParameter } from '@cohort/errors';
import { CallContext } from '../../http/call-context.decorator';
import { GroupIdQuery, GroupInfoValueBody, GroupListBody } from './dto/group.dto';
import { GroupAuthGuard } from './group-auth.guard';
import { GroupEnvelopeInterceptor } from './group-envelope.interceptor';
import { toGroupInfo, toShortGroupInfo } from './group-info.presenter';

/** The editable profile fields of 4.25/4.27/4.28/4.29 and their length limits. */
const INFO_FIELDS = {
  name: Limits.groupName,
  description: Limits.description,
  avatar: Limits.avatarUrl,
  ext: Limits.ext,
} as const;
type InfoField = keyof typeof INFO_FIELDS;

@ApiTags('group: info')
@ApiSecurity('access-token')
@Controller('group')
@UseGuards(GroupAuthGuard)
@UseInterceptors(GroupEnvelopeInterceptor)
export class GroupInfoController {
  constructor(private readonly bus: BusClient) {}

  @Get('info')
  @ApiOperation({ summary: '4.24 Group information' })
  async info(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery) {
    return toGroupInfo(await this.bus.send(Subjects.groups.get, ctx, { groupId: query.group_id }));
  }

  @Post('info/batch')
  @HttpCode(200)
  @ApiOperation({ summary: '4.26 Short information of up to 100 groups (unknown or unreadable ones are left out)' })
  async batch(@CallContext() ctx: RequestContext, @Body() body: GroupListBody) {
    const views = await this.bus.send(Subjects.groups.getMany, ctx, { groupIds: body.group_list });
    return views.map(toShortGroupInfo);
  }

  @Put('info/:field')
  @ApiParam({ name: 'field', enum: Object.keys(INFO_FIELDS) })
  @ApiOperation({ summary: '4.25/4.27/4.28/4.29 Update avatar, description, ext or name' })
  updateByPut(@CallContext() ctx: RequestContext, @Param('field') field: string, @Body() body: GroupInfoValueBody) {
    return this.update(ctx, field, body);
  }

  @Post('info/:field')
  @HttpCode(200)
  @ApiParam({ name: 'field', enum: Object.keys(INFO_FIELDS) })
  @ApiOperation({ summary: '4.25/4.27/4.28/4.29 Update avatar, description, ext or name' })
  updateByPost(@CallContext() ctx: RequestContext, @Param('field') field: string, @Body() body: GroupInfoValueBody) {
    return this.update(ctx, field, body);
  }

  private async update(ctx: RequestContext, field: string, body: GroupInfoValueBody): Promise<true> {
    if (!(field in INFO_FIELDS)) throw new DomainError('not_found', 'no such endpoint');
    const limit = INFO_FIELDS[field as InfoField];
    if (body.value.length > limit) throw invalidParameter('value', `must be at most ${limit} characters for ${field}`);
    await this.bus.send(Subjects.groups.updateProfile, ctx, { groupId: body.group_id, [field]: body.value });
    return true;
  }
}
