import { BusClient, type RequestContext } from '@cohort/bus';
import { Limits } from '@cohort/contracts';
import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import { ChatroomListOutcome } from './dto/easemob-answers';
import { ChatroomController } from './easemob-chatroom-path';
import { easemobDialect } from './easemob-dialect';
import type { EasemobList } from './easemob-envelope.interceptor';
import { changeList, changeListOf, CHATROOM_LISTS, listedUsers } from './easemob-user-lists';

const ONE_OR_MANY = {
  oneOf: [
    { $ref: getSchemaPath(ChatroomListOutcome) },
    { type: 'array', items: { $ref: getSchemaPath(ChatroomListOutcome) } },
  ],
};
const USERNAMES = {
  name: 'usernames',
  description: `One username, or up to ${Limits.batchMemberOps} separated by commas (\`,\` or \`%2C\`)`,
};

/**
 * `/{org}/{app}/chatrooms/{id}/blocks/users...` (the blocklist: blocked members are removed and
 * kept out until unblocked) and `.../white/users...` (the allowlist: members who may send under
 * mute-all, with priority), changed by the app admin.
 */
@ChatroomController()
@Dialect(easemobDialect)
@RateLimitFamily('easemob:moderation')
@ApiExtraModels(ChatroomListOutcome)
export class EasemobChatroomListsController {
  constructor(private readonly bus: BusClient) {}

  @Get('blocks/users')
  @ApiOperation({ summary: 'Every blocked user, oldest first' })
  @ApiOkResponse({ type: String, isArray: true })
  blocked(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<EasemobList<string>> {
    return listedUsers(this.bus, ctx, id, CHATROOM_LISTS.blocks);
  }

  @Post('blocks/users/:username')
  @HttpCode(200)
  @RouteFields({ userIds: 'username' })
  @ApiOperation({ summary: 'Block one member: removed at once, kept out until unblocked (never the owner)' })
  @ApiOkResponse({ type: ChatroomListOutcome })
  @ApiBadRequestResponse({ description: 'An invalid username' })
  @ApiForbiddenResponse({ description: 'Not a member, or the owner' })
  blockOne(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('username') username: string,
  ): Promise<ChatroomListOutcome> {
    return changeListOf(this.bus, ctx, id, CHATROOM_LISTS.blocks, true, username);
  }

  @Post('blocks/users')
  @HttpCode(200)
  @ApiOperation({
    summary: `Block up to ${Limits.batchMemberOps} members: an outcome per user, in request order (a non-member or the owner fails their item)`,
  })
  @ApiOkResponse({ type: ChatroomListOutcome, isArray: true })
  @ApiBadRequestResponse({ description: `No usernames, more than ${Limits.batchMemberOps}, or an invalid one` })
  blockMany(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: UsernamesBody,
  ): Promise<ChatroomListOutcome[]> {
    return changeList(this.bus, ctx, id, CHATROOM_LISTS.blocks, true, body.usernames);
  }

  @Delete('blocks/users/:usernames')
  @ApiParam(USERNAMES)
  @ApiOperation({ summary: 'Unblock one user (its outcome) or several (a list in request order); they may join again' })
  @ApiOkResponse({ schema: ONE_OR_MANY })
  @ApiBadRequestResponse({ description: `More than ${Limits.batchMemberOps} usernames, or an invalid one` })
  async unblock(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('usernames') usernames: string,
  ): Promise<ChatroomListOutcome | ChatroomListOutcome[]> {
    const userIds = usernames.split(',');
    if (userIds.length === 1) return changeListOf(this.bus, ctx, id, CHATROOM_LISTS.blocks, false, usernames);
    return changeList(this.bus, ctx, id, CHATROOM_LISTS.blocks, false, userIds);
  }

  @Get('white/users')
  @ApiOperation({ summary: 'Every allowlisted user, oldest first' })
  @ApiOkResponse({ type: String, isArray: true })
  allowed(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<EasemobList<string>> {
    return listedUsers(this.bus, ctx, id, CHATROOM_LISTS.white);
  }

  @Post('white/users/:username')
  @HttpCode(200)
  @RouteFields({ userIds: 'username' })
  @ApiOperation({ summary: 'Allowlist one member: they may send under mute-all (an individual mute still holds)' })
  @ApiOkResponse({ type: ChatroomListOutcome })
  @ApiBadRequestResponse({ description: 'An invalid username' })
  @ApiForbiddenResponse({ description: 'Not a member' })
  allowOne(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('username') username: string,
  ): Promise<ChatroomListOutcome> {
    return changeListOf(this.bus, ctx, id, CHATROOM_LISTS.white, true, username);
  }

  @Post('white/users')
  @HttpCode(200)
  @ApiOperation({
    summary: `Allowlist up to ${Limits.batchMemberOps} members: an outcome per user, in request order (a non-member fails their item)`,
  })
  @ApiOkResponse({ type: ChatroomListOutcome, isArray: true })
  @ApiBadRequestResponse({ description: `No usernames, more than ${Limits.batchMemberOps}, or an invalid one` })
  allowMany(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: UsernamesBody,
  ): Promise<ChatroomListOutcome[]> {
    return changeList(this.bus, ctx, id, CHATROOM_LISTS.white, true, body.usernames);
  }

  @Delete('white/users/:usernames')
  @ApiParam(USERNAMES)
  @ApiOperation({
    summary: 'Take one or several users off the allowlist: a list of outcomes in request order, even for one',
  })
  @ApiOkResponse({ type: ChatroomListOutcome, isArray: true })
  @ApiBadRequestResponse({ description: `More than ${Limits.batchMemberOps} usernames, or an invalid one` })
  disallow(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('usernames') usernames: string,
  ): Promise<ChatroomListOutcome[]> {
    return changeList(this.bus, ctx, id, CHATROOM_LISTS.white, false, usernames.split(','));
  }
}
