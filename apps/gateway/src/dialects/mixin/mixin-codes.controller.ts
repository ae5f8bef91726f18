import type { RequestContext } from '@cohort/bus';
import { UUID_PATTERN } from '@cohort/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { matching } from '../../http/path-constraint';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { MixinConversation } from './dto/mixin-answers';
import { CONVERSATIONS_TAG } from './mixin-conversation-path';
import { MixinConversations } from './mixin-conversations';
import { mixinDialect } from './mixin-dialect';

/**
 * `GET /codes/{id}`, where a conversation's `code_url` points: the conversation the code joins, as
 * Mixin answers it to anyone holding the code (a preview before joining). Membership decides that
 * the code is valid and reads the conversation with the app's rights (the code, not a membership,
 * is what lets its holder see it).
 */
@ApiTags(CONVERSATIONS_TAG)
@Controller(`codes/${matching('id', UUID_PATTERN)}`)
@Dialect(mixinDialect)
@RateLimitFamily('mixin:conversations')
export class MixinCodesController {
  constructor(private readonly conversations: MixinConversations) {}

  @Get()
  @ApiParam({
    name: 'id',
    description: 'An invite code (`code_id`)',
    schema: { type: 'string', pattern: UUID_PATTERN.source },
  })
  @ApiOperation({ summary: 'The conversation an invite code joins (404 for a code rotated away or never issued)' })
  @ApiOkResponse({ type: MixinConversation })
  get(@CallContext() ctx: RequestContext, @Param('id') code: string): Promise<MixinConversation> {
    return this.conversations.readByCode(ctx, code);
  }
}
