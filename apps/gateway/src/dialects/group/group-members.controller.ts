import { BusClient, type RequestContext } from '@cohort/bus';
import { Limits, MembershipCommands, type SetNotificationPrefsCommand } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RouteFields } from '../../http/field-names';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { DeleteOrPost, PutOrPost } from '../../http/twin-route';
import { everyPage } from '../every-page';
import { toUserResult } from './batch-result.presenter';
import { GroupIdQuery } from './dto/group.dto';
import type { JsonId } from './dto/group-answers';
import { DONE } from './dto/group-answers';
import {
  DisplayNameBody,
  groupUsers,
  KickBody,
  MemberListQuery,
  MemberProfilesBody,
  MuteModeBody,
  PushModeBody,
} from './dto/member.dto';
import { EMPTY, GROUP_IDS, GroupMemberProfile, GroupUserResult } from './dto/member-answers';
import { groupDialect } from './group-dialect';
import { ApiGroupPage, GroupPage } from './group-envelope.interceptor';
import { jsonId } from './group-info.presenter';
import { toMemberProfile } from './member-profile.presenter';

@ApiTags('group: members')
@Controller('group')
@Dialect(groupDialect)
@RateLimitFamily('group:members')
export class GroupMembersController {
  constructor(private readonly bus: BusClient) {}

  @Get('member_list')
  @ApiOperation({ summary: '4.35 Members, oldest first, in pages' })
  @ApiGroupPage(GroupMemberProfile)
  async memberList(
    @CallContext() ctx: RequestContext,
    @Query() query: MemberListQuery,
  ): Promise<GroupPage<GroupMemberProfile>> {
    const page = await this.bus.send(MembershipCommands.listMembers, ctx, {
      groupId: query.group_id,
      cursor: query.cursor,
      limit: query.limit,
    });
    return GroupPage.of(page, toMemberProfile);
  }

  @Post('members/display_name')
  @HttpCode(200)
  @ApiOperation({ summary: '4.36 Profiles (display names) of some members' })
  @ApiOkResponse({ type: GroupMemberProfile, isArray: true })
  async profiles(@CallContext() ctx: RequestContext, @Body() body: MemberProfilesBody): Promise<GroupMemberProfile[]> {
    return (await this.bus.send(MembershipCommands.getProfiles, ctx, groupUsers(body))).map(toMemberProfile);
  }

  @PutOrPost('display_name')
  @RouteFields({ displayName: 'value' })
  @ApiOperation({ summary: "4.18 Set the caller's display name in the group" })
  @ApiOkResponse({ schema: DONE })
  async displayName(@CallContext() ctx: RequestContext, @Body() body: DisplayNameBody): Promise<true> {
    await this.bus.send(MembershipCommands.setDisplayName, ctx, { groupId: body.group_id, displayName: body.value });
    return true;
  }

  @PutOrPost('msg/mute_mode')
  @ApiOperation({ summary: "4.37 Set the caller's message mute mode in the group" })
  @ApiOkResponse({ schema: EMPTY })
  muteMode(@CallContext() ctx: RequestContext, @Body() body: MuteModeBody): Promise<object> {
    return this.setPrefs(ctx, { groupId: body.group_id, msgMuteMode: body.msg_mute_mode });
  }

  @PutOrPost('msg/push_mode')
  @ApiOperation({ summary: "4.38 Set the caller's push mode in the group" })
  @ApiOkResponse({ schema: EMPTY })
  pushMode(@CallContext() ctx: RequestContext, @Body() body: PushModeBody): Promise<object> {
    return this.setPrefs(ctx, { groupId: body.group_id, msgPushMode: body.msg_push_mode });
  }

  @DeleteOrPost('kick')
  @ApiOperation({ summary: `4.33 Remove up to ${Limits.idsPerCall} members: a result per user, in request order` })
  @ApiOkResponse({ type: GroupUserResult, isArray: true })
  async kick(@CallContext() ctx: RequestContext, @Body() body: KickBody): Promise<GroupUserResult[]> {
    return (await this.bus.send(MembershipCommands.kickMembers, ctx, groupUsers(body))).map(toUserResult);
  }

  @DeleteOrPost('leave')
  @ApiOperation({ summary: '4.34 Leave the group (not its owner)' })
  @ApiOkResponse({ schema: DONE })
  async leave(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery): Promise<true> {
    await this.bus.send(MembershipCommands.leave, ctx, { groupId: query.group_id });
    return true;
  }

  @Get('user_joined')
  @ApiOperation({ summary: '4.53 Every group the caller is in' })
  @ApiOkResponse({ schema: GROUP_IDS })
  async joined(@CallContext() ctx: RequestContext): Promise<JsonId[]> {
    // The vendor answers every group at once: read page after page.
    const pageSize = Limits.joinedPageMax;
    const groups = await everyPage(async (cursor) => {
      const pageNumber = Number(cursor ?? 1);
      const page = await this.bus.send(MembershipCommands.listJoined, ctx, { pageNumber, pageSize });
      return { items: page.items, cursor: pageNumber * pageSize < page.total ? String(pageNumber + 1) : null };
    });
    return groups.map((group) => jsonId(group.groupId));
  }

  /** The vendor answers both modes with an empty object. */
  private async setPrefs(ctx: RequestContext, command: SetNotificationPrefsCommand): Promise<object> {
    await this.bus.send(MembershipCommands.setNotificationPrefs, ctx, command);
    return {};
  }
}
