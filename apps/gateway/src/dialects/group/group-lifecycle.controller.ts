import { BusClient, type RequestContext } from '@cohort/bus';
import { GroupCommands } from '@cohort/contracts';
import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallApp, CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { DeleteOrPost } from '../../http/twin-route';
import { newGroupCapacityOf } from '../../tenancy/app-config';
import type { RegisteredApp } from '../../tenancy/apps.registry';
import { CreateGroupBody, GroupIdQuery } from './dto/group.dto';
import { DONE, GroupInfo } from './dto/group-answers';
import { groupDialect } from './group-dialect';
import { toGroupInfo } from './group-info.presenter';

@ApiTags('group: lifecycle')
@Controller('group')
@Dialect(groupDialect)
export class GroupLifecycleController {
  constructor(private readonly bus: BusClient) {}

  @Post('create')
  @HttpCode(200)
  @RateLimitFamily('group:create')
  @ApiOperation({ summary: '4.16 Create group: the caller (or user_id with an app token) becomes owner' })
  @ApiOkResponse({ type: GroupInfo })
  async create(
    @CallContext() ctx: RequestContext,
    @CallApp() app: RegisteredApp,
    @Body() body: CreateGroupBody,
  ): Promise<GroupInfo> {
    const memberIds = body.user_list ?? [];
    // An app-admin token naming no user (the vendor's admin tokens name none): the first listed user owns it.
    const ownerId = ctx.caller.userId ?? memberIds[0];
    const view = await this.bus.send(GroupCommands.create, ctx, {
      type: body.type === 2 ? 'chatroom' : 'group',
      memberIds,
      capacity: newGroupCapacityOf(app, new Set([...memberIds, ...(ownerId ? [ownerId] : [])]).size),
      ...(ctx.caller.userId === null && ownerId ? { ownerId } : {}),
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.avatar !== undefined ? { avatar: body.avatar } : {}),
    });
    return toGroupInfo(view);
  }

  @DeleteOrPost('destroy')
  @RateLimitFamily('group:destroy')
  @ApiOperation({ summary: '4.17 Disband group (owner only)' })
  @ApiOkResponse({ schema: DONE })
  async destroy(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery): Promise<true> {
    await this.bus.send(GroupCommands.destroy, ctx, { groupId: query.group_id });
    return true;
  }
}
