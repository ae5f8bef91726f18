import { Injectable } from '@nestjs/common';
import { Limits, type GroupIdArgs, type ParticipantsView } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { DomainError } from '@cohort/errors';
import { RosterRepository } from '../roster/roster.repository';
import { SessionRepository } from '../sessions/session.repository';
import { GroupContextLoader } from './group-context.loader';
import { MemberRepository, memberViewOf } from './member.repository';
import { assertMember } from '@cohort/group-access';

/** A group's people as a Mixin conversation shows them: members only. */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly loader: GroupContextLoader,
    private readonly members: MemberRepository,
    private readonly rosters: RosterRepository,
    private readonly sessions: SessionRepository,
  ) {}

  /** The first members by join time, their sessions, and the invite code. */
  async participants(ctx: RequestContext, command: GroupIdArgs): Promise<ParticipantsView> {
    const gc = await this.loader.load(ctx, command);
    assertMember(gc);
    const [page, roster] = await Promise.all([this.members.page(gc.key, Limits.participantsShown), this.rosters.find(gc.key)]);
    if (!roster) throw new DomainError('group_not_found', `group ${command.groupId} does not exist`);
    const members = page.items.map(memberViewOf);
    const sessions = await this.sessions.ofUsers(ctx.caller.appId, members.map((m) => m.userId));
    return { members, sessions, inviteCode: roster.inviteCode };
  }
}
