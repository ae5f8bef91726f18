import { BusClient, type RequestContext } from '@cohort/bus';
import { type ConversationView, MembershipCommands } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { GatewayEnv } from '../../config/gateway.config';
import type { MixinConversation } from './dto/mixin-answers';
import { presentConversation } from './mixin-conversation.presenter';

/**
 * What every conversation route answers: the whole conversation, as the caller sees it now — one
 * membership command, and one more per further page of participants (Mixin lists them all).
 */
@Injectable()
export class MixinConversations {
  private readonly publicBaseUrl: string;

  constructor(
    private readonly bus: BusClient,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.publicBaseUrl = config.get('PUBLIC_BASE_URL', { infer: true });
  }

  read(ctx: RequestContext, groupId: string): Promise<MixinConversation> {
    return this.whole((cursor) => this.bus.send(MembershipCommands.conversation, ctx, { groupId, ...cursor }));
  }

  /** The conversation an invite code joins (membership decides the code is valid and what its holder sees). */
  readByCode(ctx: RequestContext, code: string): Promise<MixinConversation> {
    return this.whole((cursor) => this.bus.send(MembershipCommands.conversationByCode, ctx, { code, ...cursor }));
  }

  // Mixin lists every participant; one answer carries at most a page of them (a NATS message's size).
  private async whole(page: (cursor: { cursor?: string }) => Promise<ConversationView>): Promise<MixinConversation> {
    const { group, people: first, announcement } = await page({});
    const people = { ...first, members: [...first.members], sessions: [...first.sessions] };
    for (let cursor = first.cursor; cursor;) {
      const next = (await page({ cursor })).people;
      people.members.push(...next.members);
      people.sessions.push(...next.sessions);
      cursor = next.cursor;
    }
    return presentConversation(group, people, announcement?.content ?? '', this.publicBaseUrl);
  }
}
