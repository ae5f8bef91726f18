import { BusClient, type RequestContext } from '@cohort/bus';
import { GroupCommands, MembershipCommands, type UpdateGroupSettingsCommand } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { allSentAs, RouteFields } from '../../http/field-names';
import { oneOf } from '../../http/path-constraint';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { PutOrPost } from '../../http/twin-route';
import { muteMs } from '../mute-minutes';
import { ApplyApprovalBody, BanAllBody, GroupIdBody, GroupIdQuery, GroupSettingFlagBody } from './dto/group.dto';
import { DONE, GroupInfo, MuteAllState } from './dto/group-answers';
import { groupDialect } from './group-dialect';
import { banExpireTime, toGroupInfo } from './group-info.presenter';

const FLAG_SETTINGS = {
  allow_member_invitation: 'memberInvite',
  allow_member_modify: 'memberModify',
  enable_read_ack: 'readAck',
  history_visible: 'historyVisible',
} as const;
type FlagEndpoint = keyof typeof FLAG_SETTINGS;
const FLAG_ROUTE = oneOf('flag', Object.keys(FLAG_SETTINGS));

@ApiTags('group: settings')
@Controller('group/settings')
@Dialect(groupDialect)
@RateLimitFamily('group:settings')
export class GroupSettingsController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({ summary: '4.42 Group settings (same shape as group info)' })
  @ApiOkResponse({ type: GroupInfo })
  async settings(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery): Promise<GroupInfo> {
    return toGroupInfo(await this.bus.send(MembershipCommands.groupInfo, ctx, { groupId: query.group_id }));
  }

  @PutOrPost('require_admin_approval')
  @ApiOperation({ summary: '4.48 Whether applications need admin approval' })
  @ApiOkResponse({ schema: DONE })
  approval(@CallContext() ctx: RequestContext, @Body() body: ApplyApprovalBody) {
    return this.write(ctx, { groupId: body.group_id, applyApproval: body.apply_approval });
  }

  @Post('ban_all')
  @HttpCode(200)
  @ApiOperation({ summary: '4.45 Mute all (minutes; -1 permanent): only owner, admins and allowlisted users may send' })
  @ApiOkResponse({ type: MuteAllState })
  async banAll(@CallContext() ctx: RequestContext, @Body() body: BanAllBody): Promise<MuteAllState> {
    const view = await this.bus.send(GroupCommands.setMuteAll, ctx, {
      groupId: body.group_id,
      durationMs: muteMs(body.duration),
    });
    return { ban_expire_time: banExpireTime(view.muteAllUntil) };
  }

  @Post('unban_all')
  @HttpCode(200)
  @ApiOperation({ summary: '4.49 Lift mute-all' })
  @ApiOkResponse({ schema: DONE })
  async unbanAll(@CallContext() ctx: RequestContext, @Body() body: GroupIdBody): Promise<true> {
    await this.bus.send(GroupCommands.setMuteAll, ctx, { groupId: body.group_id, durationMs: 0 });
    return true;
  }

  @PutOrPost(FLAG_ROUTE)
  // Whichever setting the path names, it is sent as `value` (and so are the settings as a whole).
  @RouteFields(allSentAs('value', [...Object.values(FLAG_SETTINGS), 'settings']))
  @ApiParam({ name: 'flag', enum: Object.keys(FLAG_SETTINGS) })
  @ApiOperation({ summary: '4.43/4.44/4.46/4.47 Boolean group settings' })
  @ApiOkResponse({ schema: DONE })
  flag(@CallContext() ctx: RequestContext, @Param('flag') flag: FlagEndpoint, @Body() body: GroupSettingFlagBody) {
    return this.write(ctx, { groupId: body.group_id, [FLAG_SETTINGS[flag]]: body.value });
  }

  private async write(ctx: RequestContext, command: UpdateGroupSettingsCommand): Promise<true> {
    await this.bus.send(GroupCommands.updateSettings, ctx, command);
    return true;
  }
}
