import { BusClient, type RequestContext } from '@cohort/bus';
import { ContentCommands, GroupCommands, MembershipCommands } from '@cohort/contracts';
import { invalidParameter, isDomainError } from '@cohort/errors';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallApp, CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { ErrorsAs } from '../../http/route-meta';
import { newGroupCapacityOf } from '../../tenancy/app-config';
import type { RegisteredApp } from '../../tenancy/apps.registry';
import {
  CreateConversationBody,
  DisappearBody,
  MuteConversationBody,
  UpdateConversationBody,
} from './dto/conversation.dto';
import { MixinConversation } from './dto/mixin-answers';
import { ConversationController, CONVERSATIONS_TAG } from './mixin-conversation-path';
import { MixinConversations } from './mixin-conversations';
import { mixinDialect } from './mixin-dialect';

/** `POST /conversations`: a group conversation under the id its creator chose. */
@ApiTags(CONVERSATIONS_TAG)
@Controller('conversations')
@Dialect(mixinDialect)
@RateLimitFamily('mixin:conversations')
export class MixinCreateConversationController {
  constructor(
    private readonly bus: BusClient,
    private readonly conversations: MixinConversations,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Create a group conversation (the caller is its OWNER); the same id again by the same creator answers it, by anyone else 409',
  })
  @ApiOkResponse({ type: MixinConversation })
  @ApiConflictResponse({ description: 'The id is taken: by another creator, or by a destroyed conversation' })
  async create(
    @CallContext() ctx: RequestContext,
    @CallApp() app: RegisteredApp,
    @Body() body: CreateConversationBody,
  ): Promise<MixinConversation> {
    const memberIds = body.participants.map((p) => p.user_id);
    const capacity = newGroupCapacityOf(app, new Set([...memberIds, ctx.caller.userId]).size);
    await this.bus.send(GroupCommands.create, ctx, {
      type: 'group',
      groupId: body.conversation_id,
      name: body.name ?? '',
      memberIds,
      capacity,
    });
    return this.conversations.read(ctx, body.conversation_id);
  }
}

/** `/conversations/{id}...`: reading a conversation and what its members (or admins) change of it. */
@ConversationController()
@Dialect(mixinDialect)
@RateLimitFamily('mixin:conversations')
export class MixinConversationController {
  constructor(
    private readonly bus: BusClient,
    private readonly conversations: MixinConversations,
  ) {}

  @Get()
  // Mixin does not tell outsiders that a conversation exists.
  @ErrorsAs({ not_member: 'group_not_found' })
  @ApiOperation({ summary: 'The conversation (participants only; 404 otherwise)' })
  @ApiOkResponse({ type: MixinConversation })
  get(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<MixinConversation> {
    return this.conversations.read(ctx, id);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rename (admins; members too with member_modify) and/or publish a new current announcement',
  })
  @ApiOkResponse({ type: MixinConversation })
  async update(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: UpdateConversationBody,
  ): Promise<MixinConversation> {
    if (body.name === undefined && body.announcement === undefined)
      throw invalidParameter('body', 'must change name or announcement');
    if (body.name !== undefined)
      await this.bus.send(GroupCommands.updateProfile, ctx, { groupId: id, groupType: 'group', name: body.name });
    if (body.announcement !== undefined)
      await this.bus.send(ContentCommands.publishAnnouncement, ctx, {
        groupId: id,
        title: '',
        content: body.announcement,
      });
    return this.conversations.read(ctx, id);
  }

  @Post('join')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Join the conversation whose invite code this is (joining one already joined answers it too)',
  })
  @ApiOkResponse({ type: MixinConversation })
  @ApiConflictResponse({ description: 'The conversation is full' })
  async join(@CallContext() ctx: RequestContext, @Param('id') code: string): Promise<MixinConversation> {
    const { groupId } = await this.bus
      .send(MembershipCommands.joinByCode, ctx, { code })
      .catch(async (error: unknown) => {
        if (isDomainError(error) && error.code === 'already_member' && typeof error.details?.groupId === 'string')
          return { groupId: error.details.groupId };
        throw error;
      });
    return this.conversations.read(ctx, groupId);
  }

  @Post('rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new invite code (owner and admins): the old one stops working' })
  @ApiOkResponse({ type: MixinConversation })
  async rotate(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<MixinConversation> {
    await this.bus.send(MembershipCommands.rotateInviteCode, ctx, { groupId: id });
    return this.conversations.read(ctx, id);
  }

  @Post('exit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave the conversation (not its owner): answers it as last seen' })
  @ApiOkResponse({ type: MixinConversation })
  async exit(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<MixinConversation> {
    const lastSeen = await this.conversations.read(ctx, id);
    await this.bus.send(MembershipCommands.leave, ctx, { groupId: id });
    return lastSeen;
  }

  @Post('mute')
  @HttpCode(200)
  // Mixin: muting a conversation that does not exist, or that the caller is not in, is forbidden.
  @ErrorsAs({ group_not_found: 'forbidden', not_member: 'forbidden' })
  @ApiOperation({ summary: "The caller's own notification mute: `duration` seconds from now, 0 unmutes" })
  @ApiOkResponse({ type: MixinConversation })
  async mute(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: MuteConversationBody,
  ): Promise<MixinConversation> {
    await this.bus.send(MembershipCommands.setNotificationPrefs, ctx, {
      groupId: id,
      notificationsMutedForSeconds: body.duration,
    });
    return this.conversations.read(ctx, id);
  }

  @Post('disappear')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disappearing messages (admins): `duration` seconds, up to 12 weeks; 0 off' })
  @ApiOkResponse({ type: MixinConversation })
  async disappear(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: DisappearBody,
  ): Promise<MixinConversation> {
    await this.bus.send(GroupCommands.updateSettings, ctx, {
      groupId: id,
      groupType: 'group',
      disappearSeconds: body.duration,
    });
    return this.conversations.read(ctx, id);
  }
}
