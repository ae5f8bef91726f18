import { BusClient, type RequestContext } from '@cohort/bus';
import { GroupCommands, MembershipCommands } from '@cohort/contracts';
import { Body, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { CallApp, CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { SentFields } from '../../http/sent-fields.decorator';
import type { RegisteredApp } from '../../tenancy/apps.registry';
import { ChatroomUpdateBody } from './dto/chatroom.dto';
import { ChatroomChanges, ChatroomDeleted } from './dto/easemob-answers';
import { chatroom, ChatroomController } from './easemob-chatroom-path';
import { chatroomChanges, chatroomUpdate } from './easemob-chatroom-update';
import { easemobDialect } from './easemob-dialect';

@ChatroomController()
@Dialect(easemobDialect)
@RateLimitFamily('easemob:chatrooms')
export class EasemobChatroomController {
  constructor(private readonly bus: BusClient) {}

  @Put()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change the name, description or maxusers, or transfer the chatroom to a member (newowner); in that order: maxusers, then name and description, then newowner',
  })
  @ApiOkResponse({ type: ChatroomChanges })
  @ApiBadRequestResponse({
    description: 'A field that is not a chatroom field, no field, an invalid value, or maxusers below the member count',
  })
  @ApiForbiddenResponse({ description: 'newowner is not a member' })
  async update(
    @CallContext() ctx: RequestContext,
    @CallApp() app: RegisteredApp,
    @Param('id') id: string,
    @Body() body: ChatroomUpdateBody,
    @SentFields() sent: string[],
  ): Promise<ChatroomChanges> {
    const update = chatroomUpdate(body, sent, app);
    if (update.capacity !== undefined)
      await this.bus.send(GroupCommands.setCapacity, ctx, { ...chatroom(id), capacity: update.capacity });
    if (update.profile) await this.bus.send(GroupCommands.updateProfile, ctx, { ...chatroom(id), ...update.profile });
    if (update.newOwnerId !== undefined)
      await this.bus.send(MembershipCommands.transferOwnership, ctx, {
        ...chatroom(id),
        newOwnerId: update.newOwnerId,
      });
    return chatroomChanges(update);
  }

  @Delete()
  @ApiOperation({ summary: 'Delete the chatroom (a deleted chatroom is not found: 404)' })
  @ApiOkResponse({ type: ChatroomDeleted })
  async remove(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<ChatroomDeleted> {
    await this.bus.send(GroupCommands.destroy, ctx, chatroom(id));
    return { success: true, id };
  }
}
