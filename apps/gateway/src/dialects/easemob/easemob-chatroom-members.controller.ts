import { BusClient, type RequestContext } from '@cohort/bus';
import { Limits, MembershipCommands } from '@cohort/contracts';
import { Body, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  getSchemaPath,
} from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RouteFields } from '../../http/field-names';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { UsernamesBody } from './dto/chatroom.dto';
import { AddedMember, AddedMembers, MEMBER_ENTRIES, type MemberEntry, RemovedMember } from './dto/easemob-answers';
import { MemberPageQuery, pagingParams } from './dto/easemob-paging.dto';
import { chatroom, ChatroomController } from './easemob-chatroom-path';
import { easemobDialect } from './easemob-dialect';
import { EasemobList } from './easemob-envelope.interceptor';
import { addedMembers, memberEntry, onlyItem, removedMember } from './easemob-members.presenter';
import { pathUsernames } from './path-usernames';

@ChatroomController()
@Dialect(easemobDialect)
@RateLimitFamily('easemob:members')
export class EasemobChatroomMembersController {
  constructor(private readonly bus: BusClient) {}

  @Get('users')
  @ApiOperation({ summary: 'Chatroom members, a page at a time (the owner as `owner`, everyone else as `member`)' })
  @ApiOkResponse({ schema: MEMBER_ENTRIES })
  @ApiBadRequestResponse({ description: 'pagenum or pagesize out of range' })
  async list(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: MemberPageQuery,
  ): Promise<EasemobList<MemberEntry>> {
    const page = await this.bus.send(MembershipCommands.listMembersByPage, ctx, {
      ...chatroom(id),
      pageNumber: query.pagenum,
      pageSize: query.pagesize,
    });
    return new EasemobList(
      page.items.map(memberEntry),
      pagingParams({ pagenum: query.pagenum, pagesize: query.pagesize }),
    );
  }

  @Post('users/:username')
  @HttpCode(200)
  @RouteFields({ userIds: 'username' })
  @ApiOperation({ summary: 'Add one member' })
  @ApiOkResponse({ type: AddedMember })
  @ApiBadRequestResponse({ description: 'Already a member (forbidden_op), or an invalid username' })
  @ApiForbiddenResponse({ description: 'The chatroom is full, or the user may not join' })
  async addOne(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('username') username: string,
  ): Promise<AddedMember> {
    onlyItem(await this.bus.send(MembershipCommands.addMembers, ctx, { ...chatroom(id), userIds: [username] }));
    return { result: true, action: 'add_member', id, user: username };
  }

  @Post('users')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add up to 60 members; those who cannot join are left out of `newmembers`' })
  @ApiOkResponse({ type: AddedMembers })
  @ApiBadRequestResponse({ description: 'No usernames, more than 60, or an invalid one' })
  @ApiForbiddenResponse({ description: 'The chatroom cannot take them' })
  async addMany(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: UsernamesBody,
  ): Promise<AddedMembers> {
    return addedMembers(
      id,
      await this.bus.send(MembershipCommands.addMembers, ctx, { ...chatroom(id), userIds: body.usernames }),
    );
  }

  @Delete('users/:usernames')
  @ApiExtraModels(RemovedMember)
  @ApiParam({ name: 'usernames', description: 'One username, or up to 100 separated by commas' })
  @ApiOperation({
    summary:
      'Remove one member, or up to 100 comma-separated (`,` or `%2C`): one user answers its outcome or the error, several a list in request order',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(RemovedMember) }, { type: 'array', items: { $ref: getSchemaPath(RemovedMember) } }],
    },
  })
  @ApiBadRequestResponse({ description: 'More than 100 usernames, or an invalid one' })
  @ApiForbiddenResponse({ description: 'One user: not a member, or the owner' })
  async remove(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('usernames') usernames: string,
  ): Promise<RemovedMember | RemovedMember[]> {
    const userIds = pathUsernames(usernames, Limits.batchRemoveMembers);
    const results = await this.bus.send(MembershipCommands.kickMembers, ctx, { ...chatroom(id), userIds });
    if (userIds.length > 1) return results.map((result) => removedMember(id, result));
    onlyItem(results);
    return removedMember(id, results[0]);
  }
}
