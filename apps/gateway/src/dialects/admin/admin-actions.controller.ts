import { BusClient, type RequestContext } from '@cohort/bus';
import { type ErrorPayload, GroupCommands, MembershipCommands, ModerationCommands } from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';
import { Body, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { CallApp, CallContext } from '../../http/call-context.decorator';
import { capacityCeilingOf } from '../../tenancy/app-config';
import type { RegisteredApp } from '../../tenancy/apps.registry';
import { muteMs } from '../mute-minutes';
import { AdminController, ApiGroupIdParam, ApiUserIdParam, groupIdOf, userIdOf } from './admin-path';
import { AdminDone, AdminGroupRecord, AdminItemResults } from './dto/admin-answers';
import {
  AdminCapacityBody,
  AdminMuteAllBody,
  AdminMuteBody,
  AdminTransferBody,
  AdminUsersBody,
} from './dto/admin-bodies';

type ItemResult = { userId: string; ok: boolean; until?: number; error?: ErrorPayload };
interface Results {
  results: ItemResult[];
}

const done = { done: true } as const;

/** Each action is the same domain command the dialects send, so every rule holds and every change publishes its event. */
@AdminController('groups/:groupId', 'admin: moderation', 'admin:write')
@ApiGroupIdParam()
export class AdminActionsController {
  constructor(private readonly bus: BusClient) {}

  @Post('mutes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mute members for `durationMinutes` (-1 permanent); a new mute restarts the clock' })
  @ApiOkResponse({ type: AdminItemResults })
  async mute(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Body() body: AdminMuteBody,
  ): Promise<Results> {
    if (body.durationMinutes === 0) throw invalidParameter('durationMinutes', 'must not be 0 (unmute lifts a mute)');
    return {
      results: await this.bus.send(ModerationCommands.mute, ctx, {
        groupId: groupIdOf(id),
        userIds: body.userIds,
        durationMs: muteMs(body.durationMinutes),
      }),
    };
  }

  @Delete('mutes/:userId')
  @ApiUserIdParam()
  @ApiOperation({ summary: 'Lift a member’s mute' })
  @ApiOkResponse({ type: AdminItemResults })
  async unmute(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Param('userId') userId: string,
  ): Promise<Results> {
    return {
      results: await this.bus.send(ModerationCommands.unmute, ctx, {
        groupId: groupIdOf(id),
        userIds: [userIdOf(userId)],
      }),
    };
  }

  @Delete('members/:userId')
  @ApiUserIdParam()
  @ApiOperation({ summary: 'Kick a member' })
  @ApiOkResponse({ type: AdminItemResults })
  async kick(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Param('userId') userId: string,
  ): Promise<Results> {
    return {
      results: await this.bus.send(MembershipCommands.kickMembers, ctx, {
        groupId: groupIdOf(id),
        userIds: [userIdOf(userId)],
      }),
    };
  }

  @Post('blocks')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block users: members are removed, and none can join by any path until unblocked' })
  @ApiOkResponse({ type: AdminItemResults })
  async block(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Body() body: AdminUsersBody,
  ): Promise<Results> {
    return {
      results: await this.bus.send(ModerationCommands.block, ctx, { groupId: groupIdOf(id), userIds: body.userIds }),
    };
  }

  @Delete('blocks/:userId')
  @ApiUserIdParam()
  @ApiOperation({ summary: 'Unblock a user' })
  @ApiOkResponse({ type: AdminItemResults })
  async unblock(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Param('userId') userId: string,
  ): Promise<Results> {
    return {
      results: await this.bus.send(ModerationCommands.unblock, ctx, {
        groupId: groupIdOf(id),
        userIds: [userIdOf(userId)],
      }),
    };
  }

  @Post('allowlist')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put members on the allowlist (they may send under mute-all)' })
  @ApiOkResponse({ type: AdminItemResults })
  async allow(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Body() body: AdminUsersBody,
  ): Promise<Results> {
    return {
      results: await this.bus.send(ModerationCommands.allow, ctx, { groupId: groupIdOf(id), userIds: body.userIds }),
    };
  }

  @Delete('allowlist/:userId')
  @ApiUserIdParam()
  @ApiOperation({ summary: 'Take a member off the allowlist' })
  @ApiOkResponse({ type: AdminItemResults })
  async disallow(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Param('userId') userId: string,
  ): Promise<Results> {
    return {
      results: await this.bus.send(ModerationCommands.disallow, ctx, {
        groupId: groupIdOf(id),
        userIds: [userIdOf(userId)],
      }),
    };
  }

  @Post('admins')
  @HttpCode(200)
  @ApiOperation({ summary: 'Promote members to admins' })
  @ApiOkResponse({ type: AdminItemResults })
  async promote(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Body() body: AdminUsersBody,
  ): Promise<Results> {
    return {
      results: await this.bus.send(MembershipCommands.addAdmins, ctx, {
        groupId: groupIdOf(id),
        userIds: body.userIds,
      }),
    };
  }

  @Delete('admins/:userId')
  @ApiUserIdParam()
  @ApiOperation({ summary: 'Demote an admin to member' })
  @ApiOkResponse({ type: AdminItemResults })
  async demote(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Param('userId') userId: string,
  ): Promise<Results> {
    return {
      results: await this.bus.send(MembershipCommands.removeAdmins, ctx, {
        groupId: groupIdOf(id),
        userIds: [userIdOf(userId)],
      }),
    };
  }

  @Post('transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Transfer ownership to a member' })
  @ApiOkResponse({ type: AdminDone })
  async transfer(
    @CallContext() ctx: RequestContext,
    @Param('groupId') id: string,
    @Body() body: AdminTransferBody,
  ): Promise<AdminDone> {
    await this.bus.send(MembershipCommands.transferOwnership, ctx, {
      groupId: groupIdOf(id),
      newOwnerId: body.newOwnerId,
    });
    return done;
  }

  @Put('mute-all')
  @ApiOperation({
    summary: 'Mute everyone but the owner, admins and the allowlist for `durationMinutes` (-1 permanent, 0 lifts it)',
  })
  @ApiOkResponse({ type: AdminGroupRecord })
  muteAll(@CallContext() ctx: RequestContext, @Param('groupId') id: string, @Body() body: AdminMuteAllBody) {
    return this.bus.send(GroupCommands.setMuteAll, ctx, {
      groupId: groupIdOf(id),
      durationMs: muteMs(body.durationMinutes),
    });
  }

  @Put('capacity')
  @ApiOperation({ summary: "Change the capacity: at least the member count, at most the app's capacity ceiling" })
  @ApiOkResponse({ type: AdminGroupRecord })
  capacity(
    @CallContext() ctx: RequestContext,
    @CallApp() app: RegisteredApp,
    @Param('groupId') id: string,
    @Body() body: AdminCapacityBody,
  ) {
    const ceiling = capacityCeilingOf(app);
    if (body.capacity > ceiling)
      throw invalidParameter('capacity', `must be an integer from 1 to ${ceiling} (the app's capacity ceiling)`);
    return this.bus.send(GroupCommands.setCapacity, ctx, { groupId: groupIdOf(id), capacity: body.capacity });
  }

  @Delete()
  @ApiOperation({ summary: 'Destroy the group: every member leaves, every service deletes its data' })
  @ApiOkResponse({ type: AdminDone })
  async destroy(@CallContext() ctx: RequestContext, @Param('groupId') id: string): Promise<AdminDone> {
    await this.bus.send(GroupCommands.destroy, ctx, { groupId: groupIdOf(id) });
    return done;
  }
}
