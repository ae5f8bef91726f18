import { ContentCommands, GroupCommands, MembershipCommands } from '@cohort/contracts';
import type { BusClient, RequestContext } from '@cohort/bus';
import type { MixinConversation } from './dto/mixin-answers';
import { presentConversation } from './mixin-conversation.presenter';

/**
 * A conversation as the caller reads it: the group (groups), its people and invite code
 * (membership) and its current announcement (content), asked together.
 */
export async function readConversation(bus: BusClient, ctx: RequestContext, groupId: string, publicBaseUrl: string): Promise<MixinConversation> {
  const [group, people, announcement] = await Promise.all([
    bus.send(GroupCommands.get, ctx, { groupId, groupType: 'group' }),
    bus.send(MembershipCommands.participants, ctx, { groupId }),
    bus.send(ContentCommands.currentAnnouncement, ctx, { groupId }),
  ]);
  return presentConversation(group, people, announcement?.content ?? '', publicBaseUrl);
}
