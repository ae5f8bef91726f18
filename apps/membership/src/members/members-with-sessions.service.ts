import type { RequestContext } from '@cohort/bus';
import { Limits, type MembersWithSessionsCommand, type MembersWithSessionsView } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { assertMember } from '@cohort/group-access';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Injectable } from '@nestjs/common';

import { RosterRepository } from '../roster/roster.repository';
import { SessionRepository } from '../sessions/session.repository';
import { GroupContextLoader } from './group-context.loader';
import { MemberRepository, memberViewOf } from './member.repository';

/** A group's members with their registered sessions, and its invite code: members only. */
@Injectable()
export class MembersWithSessionsService {
  constructor(
    private readonly loader: GroupContextLoader,
    private readonly members: MemberRepository,
    private readonly rosters: RosterRepository,
    private readonly sessions: SessionRepository,
  ) {}

  /** A page of the members by join time, their sessions, and the invite code. */
  async membersWithSessions(
    ctx: RequestContext,
    command: MembersWithSessionsCommand,
  ): Promise<MembersWithSessionsView> {
    const gc = await this.loader.load(ctx, command);
    assertMember(gc);
    const [page, roster] = await Promise.all([
      this.members.page(gc.key, Limits.membersWithSessionsPage, decodeCursor(command.cursor)),
      this.rosters.find(gc.key),
    ]);
    if (!roster) throw new DomainError('group_not_found', `group ${command.groupId} does not exist`);
    const members = page.items.map(memberViewOf);
    const sessions = await this.sessions.ofUsers(
      ctx.caller.appId,
      members.map((m) => m.userId),
    );
    return { members, cursor: encodeCursor(page.next), sessions, inviteCode: roster.inviteCode };
  }
}
