import { Injectable } from '@nestjs/common';
import type { ErrorPayload, JoinHow } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { DomainError } from '@cohort/errors';
import { Outbox } from '@cohort/outbox';
import { flushEach } from '../members/flush-each';
import { MemberRepository, type NewMember } from '../members/member.repository';
import type { GroupContext } from '../members/membership.policy';
import { RosterRepository } from '../roster/roster.repository';
import { ModerationClient } from '../peers/moderation.client';

/** Per user: null when admitted, else why not. */
export type Admission = Map<string, ErrorPayload | null>;

/**
 * The one way into a group, whatever the path (add, application, invitation, QR, code): refuses
 * blocked users and members, takes the places with one conditional update of the roster's free
 * slots (all or none: capacity is never exceeded, even under concurrency), then inserts the
 * members with their `member.joined` events in one command. Three database commands for a batch.
 */
@Injectable()
export class AdmissionService {
  constructor(
    private readonly members: MemberRepository,
    private readonly rosters: RosterRepository,
    private readonly moderation: ModerationClient,
    private readonly outbox: Outbox,
  ) {}

  /** `gc.members` must hold the candidates' current membership (GroupContextLoader.load with them). */
  async admit(ctx: RequestContext, gc: GroupContext, userIds: string[], how: JoinHow): Promise<Admission> {
    const result: Admission = new Map();
    const candidates = [...new Set(userIds)];
    const blocked = await this.moderation.blockedAmong(ctx, gc.group.groupId, candidates.filter((id) => !gc.members.has(id)));
    const newcomers: string[] = [];
    for (const userId of candidates) {
      if (gc.members.has(userId)) result.set(userId, { code: 'already_member', message: `user ${userId} is already a member of group ${gc.group.groupId}` });
      else if (blocked.has(userId)) result.set(userId, { code: 'blocked', message: `user ${userId} is blocked from group ${gc.group.groupId}` });
      else newcomers.push(userId);
    }
    if (newcomers.length === 0) return result;
    if (!(await this.rosters.reserveSlots(gc.key, newcomers.length))) {
      const full: ErrorPayload = { code: 'group_full', message: `group ${gc.group.groupId} has no room for ${newcomers.length} more member(s)` };
      for (const userId of newcomers) result.set(userId, full);
      return result;
    }
    const joining: NewMember[] = newcomers.map((userId) => ({
      userId,
      role: 'member',
      event: this.outbox.prepare('member.joined', ctx, gc.group.groupId, { userId, role: 'member', how }),
    }));
    const duplicates = await this.members.insert(gc.key, gc.group.type, joining, new Date());
    // Joined concurrently by another path: give their places back.
    await this.rosters.releaseSlots(gc.key, duplicates.size);
    const admitted = joining.filter((m) => !duplicates.has(m.userId));
    for (const userId of duplicates) result.set(userId, { code: 'already_member', message: `user ${userId} is already a member of group ${gc.group.groupId}` });
    for (const m of admitted) result.set(m.userId, null);
    await flushEach(this.outbox, this.members.outbox, gc.key, admitted);
    return result;
  }

  /** A single join: the admission's refusal as an error. */
  async admitOne(ctx: RequestContext, gc: GroupContext, userId: string, how: JoinHow): Promise<void> {
    const refusal = (await this.admit(ctx, gc, [userId], how)).get(userId);
    if (refusal) throw DomainError.fromPayload(refusal);
  }
}
