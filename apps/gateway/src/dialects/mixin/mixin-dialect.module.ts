import { Module } from '@nestjs/common';

import { MixinCodesController } from './mixin-codes.controller';
import { MixinConversations } from './mixin-conversations';
import { MixinConversationController, MixinCreateConversationController } from './mixin-conversations.controller';
import { MixinParticipantsController } from './mixin-participants.controller';
import { MixinReplays } from './mixin-replays';
import { MixinSessions } from './mixin-sessions';
import { MixinUsersController } from './mixin-users.controller';

/**
 * The Mixin Messenger dialect: `/conversations/...`, `/codes/{id}` and `POST /users`. What makes it a dialect
 * (signed requests, `{data}`, Mixin's errors) is declared once in mixin-dialect.ts.
 */
@Module({
  controllers: [
    MixinUsersController,
    MixinCreateConversationController,
    MixinConversationController,
    MixinParticipantsController,
    MixinCodesController,
  ],
  providers: [MixinSessions, MixinReplays, MixinConversations],
})
export class MixinDialectModule {}
