import type { RequestContext } from '@cohort/bus';
import {
  type ConversationByCodeCommand,
  type ConversationCommand,
  type ConversationView,
  Limits,
  type MembersWithSessionsView,
} from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { assertMember, PeerFacts } from '@cohort/group-access';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Injectable } from '@nestjs/common';

import { InviteCodesService } from '../joining/invite-codes.service';
import { RosterRepository } from '../roster/roster.repository';
import { RosterService } from '../roster/roster.service';
import { SessionRepository } from '../sessions/session.repository';
import { GroupContextLoader } from './group-context.loader';
import { MemberRepository, memberViewOf } from './member.repository';

/** A Mixin conversation in one answer: the group, a page of participants (members only) with their sessions, the current announcement. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly loader: GroupContextLoader,
    private readonly members: MemberRepository,
    private readonly rosters: RosterRepository,
    private readonly rosterViews: RosterService,
    private readonly sessions: SessionRepository,
    private readonly codes: InviteCodesService,
    private readonly facts: PeerFacts,
  ) {}

  /** The group as its reader sees it, a page of participants and the announcement (PeerFacts), read together; participants only. */
  async conversation(ctx: RequestContext, { groupId, cursor }: ConversationCommand): Promise<ConversationView> {
    const [group, people, announcement] = await Promise.all([
      this.rosterViews.info(ctx, { groupId, groupType: 'group' }),
      this.participants(ctx, groupId, cursor),
      this.facts.announcement(ctx, groupId),
    ]);
    return { group, people, announcement };
  }

  /**
   * The conversation an invite code joins, as anyone of the app holding the code sees it: the code,
   * not a membership, lets its holder see it, so it is read with the app's rights.
   */
  async byCode(ctx: RequestContext, { code, cursor }: ConversationByCodeCommand): Promise<ConversationView> {
    const { groupId } = await this.codes.find(ctx, { code });
    const asApp = { ...ctx, caller: { appId: ctx.caller.appId, userId: null, isAppAdmin: true } };
    return this.conversation(asApp, { groupId, ...(cursor ? { cursor } : {}) });
  }

  private async participants(ctx: RequestContext, groupId: string, cursor?: string): Promise<MembersWithSessionsView> {
    const gc = await this.loader.load(ctx, groupId);
    assertMember(gc);
    const [page, roster] = await Promise.all([
      this.members.page(gc.key, Limits.membersWithSessionsPage, decodeCursor(cursor)),
      this.rosters.find(gc.key),
    ]);
    if (!roster) throw new DomainError('group_not_found', `group ${groupId} does not exist`);
    const members = page.items.map(memberViewOf);
    const sessions = await this.sessions.ofUsers(
      ctx.caller.appId,
      members.map((m) => m.userId),
    );
    return { members, cursor: encodeCursor(page.next), sessions, inviteCode: roster.inviteCode };
  }
}
