import { BusClient, type RequestContext } from '@cohort/bus';
import { ContentCommands, MembershipCommands } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { GatewayEnv } from '../../config/gateway.config';
import type { MixinConversation } from './dto/mixin-answers';
import { presentConversation } from './mixin-conversation.presenter';

/** What every conversation route answers: the whole conversation, as the caller sees it now. */
@Injectable()
export class MixinConversations {
  private readonly publicBaseUrl: string;

  constructor(
    private readonly bus: BusClient,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.publicBaseUrl = config.get('PUBLIC_BASE_URL', { infer: true });
  }

  /**
   * The group (groups), its people and invite code (membership) and its current announcement
   * (content), asked together; every participant, read page after page (Mixin lists them all).
   */
  async read(ctx: RequestContext, groupId: string): Promise<MixinConversation> {
    const [group, first, announcement] = await Promise.all([
      this.bus.send(MembershipCommands.groupInfo, ctx, { groupId, groupType: 'group' }),
      this.bus.send(MembershipCommands.membersWithSessions, ctx, { groupId }),
      this.bus.send(ContentCommands.currentAnnouncement, ctx, { groupId }),
    ]);
    const people = { ...first, members: [...first.members], sessions: [...first.sessions] };
    for (let cursor = first.cursor; cursor;) {
      const page = await this.bus.send(MembershipCommands.membersWithSessions, ctx, { groupId, cursor });
      people.members.push(...page.members);
      people.sessions.push(...page.sessions);
      cursor = page.cursor;
    }
    return presentConversation(group, people, announcement?.content ?? '', this.publicBaseUrl);
  }
}
