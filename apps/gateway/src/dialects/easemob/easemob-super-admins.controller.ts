import { BusClient, type RequestContext } from '@cohort/bus';
import { GroupCommands } from '@cohort/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RouteFields } from '../../http/field-names';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { SuperAdminBody } from './dto/chatroom.dto';
import { SuperAdminAdded, SuperAdminRemoved } from './dto/easemob-answers';
import { pagingParams, SuperAdminPageQuery } from './dto/easemob-paging.dto';
import { easemobDialect } from './easemob-dialect';
import { EasemobList } from './easemob-envelope.interceptor';

/** The users who may create chatrooms with a user token. */
@ApiTags('easemob: super admins')
@Controller(':org/:app/chatrooms/super_admin')
@Dialect(easemobDialect)
@RateLimitFamily('easemob:super-admins')
export class EasemobSuperAdminsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  @HttpCode(200)
  @RouteFields({ userId: 'superadmin' })
  @ApiOperation({ summary: 'Make a user a super admin (already one: success)' })
  @ApiOkResponse({ type: SuperAdminAdded })
  @ApiBadRequestResponse({ description: 'An invalid superadmin' })
  async add(@CallContext() ctx: RequestContext, @Body() body: SuperAdminBody): Promise<SuperAdminAdded> {
    await this.bus.send(GroupCommands.addSuperAdmin, ctx, { userId: body.superadmin });
    return { result: 'success', resource: '' };
  }

  @Get()
  @ApiOperation({ summary: 'The super admins, a page at a time' })
  @ApiOkResponse({ type: String, isArray: true })
  @ApiBadRequestResponse({ description: 'pagenum or pagesize out of range' })
  async list(@CallContext() ctx: RequestContext, @Query() query: SuperAdminPageQuery): Promise<EasemobList<string>> {
    const page = await this.bus.send(GroupCommands.listSuperAdmins, ctx, {
      pageNumber: query.pagenum,
      pageSize: query.pagesize,
    });
    return new EasemobList(page.items, pagingParams({ pagenum: query.pagenum, pagesize: query.pagesize }));
  }

  @Delete(':superAdmin')
  @RouteFields({ userId: 'superAdmin' })
  @ApiOperation({ summary: 'Make a super admin a plain user again (not one: 404)' })
  @ApiOkResponse({ type: SuperAdminRemoved })
  @ApiBadRequestResponse({ description: 'An invalid username' })
  async remove(
    @CallContext() ctx: RequestContext,
    @Param('superAdmin') superAdmin: string,
  ): Promise<SuperAdminRemoved> {
    await this.bus.send(GroupCommands.removeSuperAdmin, ctx, { userId: superAdmin });
    return { newSuperAdmin: superAdmin, resource: '' };
  }
}
