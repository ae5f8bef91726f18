import { BusClient, type RequestContext } from '@cohort/bus';
import { SessionCommands } from '@cohort/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { CreateUserBody } from './dto/conversation.dto';
import { MixinUser } from './dto/mixin-answers';
import { rfc3339Nano } from './mixin-conversation.presenter';
import { mixinDialect } from './mixin-dialect';

/** `POST /users`: Mixin's "network user" creation, by the app's bot (or an app-admin token). */
@ApiTags('mixin: users')
@Controller('users')
@Dialect(mixinDialect)
@RateLimitFamily('mixin:users')
export class MixinUsersController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A new user with one session, whose public key is `session_secret` (the app only): its requests are then signed with that session',
  })
  @ApiOkResponse({ type: MixinUser })
  async create(@CallContext() ctx: RequestContext, @Body() body: CreateUserBody): Promise<MixinUser> {
    const user = await this.bus.send(SessionCommands.register, ctx, {
      fullName: body.full_name,
      publicKey: body.session_secret,
    });
    return {
      type: 'user',
      user_id: user.userId,
      session_id: user.sessionId,
      full_name: user.fullName,
      created_at: rfc3339Nano(user.createdAt),
    };
  }
}
