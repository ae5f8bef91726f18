import { Body, Controller, Delete, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GroupCommands } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';
import { CallContext } from '../../http/call-context.decorator';
import { CreateGroupBody, GroupIdQuery } from './dto/group.dto';
import { GroupEndpoints } from './group-endpoints.decorator';
import { toGroupInfo } from './group-info.presenter';

@ApiTags('group: lifecycle')
@Controller('group')
@GroupEndpoints()
export class GroupLifecycleController {
  constructor(private readonly bus: BusClient) {}

  @Post('create')
  @HttpCode(200)
  @ApiOperation({ summary: '4.16 Create group: the caller (or user_id with an app token) becomes owner' })
  async create(@CallContext() ctx: RequestContext, @Body() body: CreateGroupBody) {
    const view = await this.bus.send(GroupCommands.create, ctx, {
      type: body.type === 2 ? 'chatroom' : 'group',
      memberIds: body.user_list ?? [],
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.avatar !== undefined ? { avatar: body.avatar } : {}),
    });
    return toGroupInfo(view);
  }

  @Delete('destroy')
  @ApiOperation({ summary: '4.17 Disband group (owner only)' })
  destroyByDelete(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery) {
    return this.destroy(ctx, query);
  }

  @Post('destroy')
  @HttpCode(200)
  @ApiOperation({ summary: '4.17 Disband group (owner only)' })
  destroyByPost(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery) {
    return this.destroy(ctx, query);
  }

  private async destroy(ctx: RequestContext, query: GroupIdQuery): Promise<true> {
    await this.bus.send(GroupCommands.destroy, ctx, { groupId: query.group_id });
    return true;
  }
}
