import { BusClient, type RequestContext } from '@cohort/bus';
import { MembershipCommands } from '@cohort/contracts';
import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RouteFields } from '../../http/field-names';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { NewAdminBody } from './dto/chatroom.dto';
import { AdminAdded, AdminRemoved } from './dto/easemob-answers';
import { chatroom, ChatroomController } from './easemob-chatroom-path';
import { easemobDialect } from './easemob-dialect';
import { EasemobList } from './easemob-envelope.interceptor';
import { adminNames, onlyItem } from './easemob-members.presenter';

/** The owner is not one of the admins. */
@ChatroomController()
@Dialect(easemobDialect)
@RateLimitFamily('easemob:members')
export class EasemobChatroomAdminsController {
  constructor(private readonly bus: BusClient) {}

  @Get('admin')
  @ApiOperation({ summary: "The chatroom's admins, owner excluded" })
  @ApiOkResponse({ type: String, isArray: true })
  async list(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<EasemobList<string>> {
    return new EasemobList(adminNames(await this.bus.send(MembershipCommands.listAdmins, ctx, chatroom(id))));
  }

  @Post('admin')
  @HttpCode(200)
  @RouteFields({ userIds: 'newadmin' })
  @ApiOperation({ summary: 'Make a member an admin (at most 99 admins)' })
  @ApiOkResponse({ type: AdminAdded })
  @ApiBadRequestResponse({ description: 'An invalid newadmin' })
  @ApiForbiddenResponse({ description: 'Not a member, the owner, or 99 admins already' })
  async add(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: NewAdminBody,
  ): Promise<AdminAdded> {
    onlyItem(await this.bus.send(MembershipCommands.addAdmins, ctx, { ...chatroom(id), userIds: [body.newadmin] }));
    return { result: 'success', newadmin: body.newadmin };
  }

  @Delete('admin/:oldadmin')
  @RouteFields({ userIds: 'oldadmin' })
  @ApiOperation({ summary: 'Make an admin a plain member again' })
  @ApiOkResponse({ type: AdminRemoved })
  @ApiBadRequestResponse({ description: 'An invalid oldadmin' })
  @ApiForbiddenResponse({ description: 'Not a member of the chatroom, or its owner' })
  async remove(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('oldadmin') oldadmin: string,
  ): Promise<AdminRemoved> {
    onlyItem(await this.bus.send(MembershipCommands.removeAdmins, ctx, { ...chatroom(id), userIds: [oldadmin] }));
    return { result: 'success', oldadmin };
  }
}
