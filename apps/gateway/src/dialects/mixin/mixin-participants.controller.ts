import { BusClient, type RequestContext } from '@cohort/bus';
import { Limits, MembershipCommands } from '@cohort/contracts';
import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { MixinConversation } from './dto/mixin-answers';
import { type ParticipantRef, ParticipantsBody, participantsSchema } from './dto/participants';
import { ConversationController } from './mixin-conversation-path';
import { MixinConversations } from './mixin-conversations';
import { mixinDialect } from './mixin-dialect';

const userIdsOf = (participants: ParticipantRef[]) => participants.map((p) => p.user_id);

/**
 * `/conversations/{id}/participants/ADD|REMOVE|ROLE` with a bare JSON array. Each answers the whole
 * conversation; a user who could not be added, removed or changed (already in, blocked, the owner...)
 * is simply not, as Mixin answers.
 */
@ConversationController()
@Dialect(mixinDialect)
@RateLimitFamily('mixin:conversations')
export class MixinParticipantsController {
  constructor(
    private readonly bus: BusClient,
    private readonly conversations: MixinConversations,
  ) {}

  @Post('participants/ADD')
  @HttpCode(200)
  @ApiBody({ schema: participantsSchema(Limits.idsPerCall, false) })
  @ApiOperation({ summary: `Add up to ${Limits.idsPerCall} users directly (owner and admins)` })
  @ApiOkResponse({ type: MixinConversation })
  async add(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body(new ParticipantsBody(Limits.idsPerCall, false)) body: ParticipantRef[],
  ): Promise<MixinConversation> {
    await this.bus.send(MembershipCommands.addMembers, ctx, { groupId: id, userIds: userIdsOf(body) });
    return this.conversations.read(ctx, id);
  }

  @Post('participants/REMOVE')
  @HttpCode(200)
  @ApiBody({ schema: participantsSchema(Limits.idsPerCall, false) })
  @ApiOperation({
    summary: `Remove up to ${Limits.idsPerCall} participants (owner and admins; only the owner removes admins)`,
  })
  @ApiOkResponse({ type: MixinConversation })
  async remove(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body(new ParticipantsBody(Limits.idsPerCall, false)) body: ParticipantRef[],
  ): Promise<MixinConversation> {
    await this.bus.send(MembershipCommands.kickMembers, ctx, { groupId: id, userIds: userIdsOf(body) });
    return this.conversations.read(ctx, id);
  }

  @Post('participants/ROLE')
  @HttpCode(200)
  @ApiBody({ schema: participantsSchema(Limits.maxAdmins, true) })
  @ApiOperation({
    summary: 'Make participants admins (`role: "ADMIN"`) or plain participants (`role: ""`): the owner only',
  })
  @ApiOkResponse({ type: MixinConversation })
  async role(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body(new ParticipantsBody(Limits.maxAdmins, true)) body: ParticipantRef[],
  ): Promise<MixinConversation> {
    const admins = userIdsOf(body.filter((p) => p.role === 'ADMIN'));
    const plain = userIdsOf(body.filter((p) => p.role === ''));
    if (admins.length) await this.bus.send(MembershipCommands.addAdmins, ctx, { groupId: id, userIds: admins });
    if (plain.length) await this.bus.send(MembershipCommands.removeAdmins, ctx, { groupId: id, userIds: plain });
    return this.conversations.read(ctx, id);
  }
}
