import { BusClient, type RequestContext } from '@cohort/bus';
import { Limits, MembershipCommands } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { PutOrPost } from '../../http/twin-route';
import { toApplication } from './application.presenter';
import { succeeded, toUserResult } from './batch-result.presenter';
import { GroupIdQuery, GroupListBody } from './dto/group.dto';
import { DONE } from './dto/group-answers';
import {
  ApplicationListQuery,
  ApplyBody,
  HandleApplicationBody,
  HandleInvitationBody,
  InvitationListQuery,
  InviteBody,
  QrInviteBody,
} from './dto/joining.dto';
import { groupUsers } from './dto/member.dto';
import { EMPTY, GroupApplication, GroupInvitation, GroupQrCode, GroupUserResult } from './dto/member-answers';
import { groupDialect } from './group-dialect';
import { ApiGroupPage, GroupPage } from './group-envelope.interceptor';
import { toInvitation } from './invitation.presenter';

@ApiTags('group: joining')
@Controller('group')
@Dialect(groupDialect)
@RateLimitFamily('group:joining')
export class GroupJoiningController {
  constructor(private readonly bus: BusClient) {}

  @Post('apply')
  @HttpCode(200)
  @ApiOperation({
    summary: '4.10 Apply to join: joined at once (reason ""), or pending until an admin decides (reason "pending")',
  })
  @ApiOkResponse({ type: GroupUserResult })
  async apply(@CallContext() ctx: RequestContext, @Body() body: ApplyBody): Promise<GroupUserResult> {
    const { outcome } = await this.bus.send(MembershipCommands.apply, ctx, {
      groupId: body.group_id,
      reason: body.reason,
    });
    return succeeded(ctx.caller.userId ?? '', outcome === 'pending' ? 'pending' : '');
  }

  @PutOrPost('apply/handle')
  @ApiOperation({ summary: '4.11 Approve or reject an application (owner and admins)' })
  @ApiOkResponse({ type: GroupUserResult })
  async handleJoinRequest(
    @CallContext() ctx: RequestContext,
    @Body() body: HandleApplicationBody,
  ): Promise<GroupUserResult> {
    await this.bus.send(MembershipCommands.handleJoinRequest, ctx, {
      groupId: body.group_id,
      applicantId: body.user_id,
      approve: body.approval,
    });
    return succeeded(body.user_id);
  }

  @Post('application_list')
  @HttpCode(200)
  @ApiOperation({ summary: '4.9 Applications to some groups (owner and admins), in pages' })
  @ApiGroupPage(GroupApplication)
  async applications(
    @CallContext() ctx: RequestContext,
    @Body() body: GroupListBody,
    @Query() query: ApplicationListQuery,
  ): Promise<GroupPage<GroupApplication>> {
    const page = await this.bus.send(MembershipCommands.listJoinRequests, ctx, {
      groupIds: body.group_list,
      cursor: query.cursor,
      limit: query.limit,
    });
    return GroupPage.of(page, toApplication);
  }

  @Post('invite')
  @HttpCode(200)
  @ApiOperation({ summary: `4.31 Invite up to ${Limits.idsPerCall} users: a result per user, in request order` })
  @ApiOkResponse({ type: GroupUserResult, isArray: true })
  async invite(@CallContext() ctx: RequestContext, @Body() body: InviteBody): Promise<GroupUserResult[]> {
    return (await this.bus.send(MembershipCommands.invite, ctx, { ...groupUsers(body), reason: body.reason })).map(
      toUserResult,
    );
  }

  @PutOrPost('invite/handle')
  @ApiOperation({
    summary:
      "4.32 Accept or decline an invitation (user_id: its inviter; absent or the caller's own id: every pending invitation to the group)",
  })
  @ApiOkResponse({ schema: DONE })
  async handleInvitation(@CallContext() ctx: RequestContext, @Body() body: HandleInvitationBody): Promise<true> {
    // Clients that answer all of a group's invitations at once send their own id (or none) as the inviter.
    const inviter = body.user_id !== undefined && body.user_id !== ctx.caller.userId ? { inviterId: body.user_id } : {};
    await this.bus.send(MembershipCommands.handleInvitation, ctx, {
      groupId: body.group_id,
      ...inviter,
      accept: body.approval,
    });
    return true;
  }

  @Get('invitation_list')
  @ApiOperation({
    summary:
      "4.30 Invitations, in pages: a group's (with group_id, its owner and admins) or the caller's received ones",
  })
  @ApiGroupPage(GroupInvitation)
  async invitations(
    @CallContext() ctx: RequestContext,
    @Query() query: InvitationListQuery,
  ): Promise<GroupPage<GroupInvitation>> {
    const page = await this.bus.send(MembershipCommands.listInvitations, ctx, {
      groupId: query.group_id,
      cursor: query.cursor,
      limit: query.limit,
    });
    return GroupPage.of(page, toInvitation);
  }

  @Get('qrcode/sign')
  @ApiOperation({ summary: '4.41 Sign a QR invite to the group' })
  @ApiOkResponse({ type: GroupQrCode })
  async signQr(@CallContext() ctx: RequestContext, @Query() query: GroupIdQuery): Promise<GroupQrCode> {
    const qr = await this.bus.send(MembershipCommands.signQr, ctx, { groupId: query.group_id });
    return { create_at: qr.createdAt, expire_at: qr.expiresAt, qr_info: qr.token };
  }

  @Post('qrcode/invite')
  @HttpCode(200)
  @ApiOperation({ summary: '4.40 Join with a signed QR invite' })
  @ApiOkResponse({ schema: EMPTY })
  async redeemQr(@CallContext() ctx: RequestContext, @Body() body: QrInviteBody): Promise<object> {
    await this.bus.send(MembershipCommands.redeemQr, ctx, { token: body.qr_info });
    return {};
  }
}
