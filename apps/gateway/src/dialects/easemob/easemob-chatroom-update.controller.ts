import { Body, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { MembershipCommands } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';
import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { SentFields } from '../../http/sent-fields.decorator';
import { ChatroomUpdateBody } from './dto/chatroom.dto';
import { ChatroomChanges } from './dto/easemob-answers';
import { chatroom, ChatroomController } from './easemob-chatroom-path';
import { chatroomUpdate } from './easemob-chatroom-update';
import { easemobDialect } from './easemob-dialect';

/** `PUT /{org}/{app}/chatrooms/{id}`: for now, the owner transfer (`newowner`). */
@ChatroomController()
@Dialect(easemobDialect)
@RateLimitFamily('easemob:members')
export class EasemobChatroomUpdateController {
  constructor(private readonly bus: BusClient) {}

  @Put()
  @HttpCode(200)
  @ApiOperation({ summary: 'Transfer the chatroom to a member (`newowner`); name, description and maxusers are not supported yet (400)' })
  @ApiOkResponse({ type: ChatroomChanges })
  @ApiBadRequestResponse({ description: 'A field that is not a chatroom field, one not supported yet, or no newowner' })
  @ApiForbiddenResponse({ description: 'newowner is not a member' })
  async update(@CallContext() ctx: RequestContext, @Param('id') id: string, @Body() body: ChatroomUpdateBody, @SentFields() sent: string[]): Promise<ChatroomChanges> {
    const { newOwnerId } = chatroomUpdate(body, sent);
    await this.bus.send(MembershipCommands.transferOwnership, ctx, { ...chatroom(id), newOwnerId });
    return { newowner: true };
  }
}
