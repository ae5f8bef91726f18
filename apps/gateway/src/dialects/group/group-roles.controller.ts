import { BusClient, type RequestContext } from '@cohort/bus';
import { Limits, MembershipCommands } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { DeleteOrPost, PutOrPost } from '../../http/twin-route';
import { succeeded, toUserResult } from './batch-result.presenter';
import { GroupIdQuery } from './dto/group.dto';
import { AdminsBody, groupUsers, TransferBody } from './dto/member.dto';
import { GroupMemberProfile, GroupUserResult } from './dto/member-answers';
import { groupDialect } from './group-dialect';
import { toMemberProfile } from './member-profile.presenter';

@ApiTags('group: roles')
@Controller('group')
@Dialect(groupDialect)
@RateLimitFamily('group:members')
export class GroupRolesController {
  constructor(private readonly bus: BusClient) {}

  @Post('admin/add')
  @HttpCode(200)
  @ApiOperation({
    summary: `4.1 Make members admins (at most ${Limits.maxAdmins} admins): a result per user, in request order`,
  })
  @ApiOkResponse({ type: GroupUserResult, isArray: true })
  async addAdmins(@CallContext() ctx: RequestContext, @Body() body: AdminsBody): Promise<GroupUserResult[]> {
    return (await this.bus.send(MembershipCommands.addAdmins, ctx, groupUsers(body))).map(toUserResult);
  }

  @DeleteOrPost('admin/remove')
  @ApiOperation({ summary: '4.2 Make admins plain members again: a result per user, in request order' })
  @ApiOkResponse({ type: GroupUserResult, isArray: true })
  async removeAdmins(@CallContext() ctx: RequestContext, @Body() body: AdminsBody): Promise<GroupUserResult[]> {
    return (await this.bus.send(MembershipCommands.removeAdmins, ctx, groupUsers(body))).map(toUserResult);
  }

  @Get('admin_list')
  @ApiOperation({ summary: '4.3 The owner and the admins' })
  @ApiOkResponse({ type: GroupMemberProfile, isArray: true })
  async adminList(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery): Promise<GroupMemberProfile[]> {
    return (await this.bus.send(MembershipCommands.listAdmins, ctx, { groupId: query.group_id })).map(toMemberProfile);
  }

  @PutOrPost('transfer')
  @ApiOperation({ summary: '4.50 Hand the group to a member (owner only); the old owner stays as a member' })
  @ApiOkResponse({ type: GroupUserResult })
  async transfer(@CallContext() ctx: RequestContext, @Body() body: TransferBody): Promise<GroupUserResult> {
    await this.bus.send(MembershipCommands.transferOwnership, ctx, {
      groupId: body.group_id,
      newOwnerId: body.new_owner,
    });
    return succeeded(body.new_owner);
  }
}
