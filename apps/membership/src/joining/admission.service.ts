import type { RequestContext } from '@cohort/bus';
import type { ErrorPayload, JoinHow } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { PeerFacts } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { MemberRepository, type NewMember } from '../members/member.repository';
import { RosterRepository } from '../roster/roster.repository';
import type { GroupContext } from '../rules/membership.policy';

export type Admission = Map<string, ErrorPayload | null>;

/**
 * The one way into a group, whatever the path. The places are taken all or none by one
 * conditional update of the roster's free slots, so capacity holds under concurrency; the unique
 * index refuses members the caller did not know about, whose places go back.
 */
@Injectable()
export class AdmissionService {
  constructor(
    private readonly members: MemberRepository,
    private readonly rosters: RosterRepository,
    private readonly facts: PeerFacts,
    private readonly outbox: Outbox,
  ) {}

  /** Members known in `gc.members` are refused without a write; others are found out by the insert. */
  async admit(ctx: RequestContext, gc: GroupContext, userIds: string[], how: JoinHow): Promise<Admission> {
    const result: Admission = new Map();
    const candidates = [...new Set(userIds)];
    const blocked = await this.facts.blockedAmong(
      ctx,
      gc.group.groupId,
      candidates.filter((id) => !gc.members.has(id)),
    );
    let newcomers: string[] = [];
    for (const userId of candidates) {
      if (gc.members.has(userId)) result.set(userId, alreadyMember(gc, userId));
      else if (blocked.has(userId))
        result.set(userId, { code: 'blocked', message: `user ${userId} is blocked from group ${gc.group.groupId}` });
      else newcomers.push(userId);
    }
    if (newcomers.length > 0 && !(await this.rosters.reserveSlots(gc.key, newcomers.length))) {
      // Some of them may be members already: only the real newcomers need places.
      const members = await this.members.findMany(gc.key, newcomers);
      for (const userId of members.keys()) result.set(userId, alreadyMember(gc, userId));
      newcomers = newcomers.filter((id) => !members.has(id));
      if (newcomers.length > 0 && !(await this.rosters.reserveSlots(gc.key, newcomers.length))) {
        const full: ErrorPayload = {
          code: 'group_full',
          message: `group ${gc.group.groupId} has no room for ${newcomers.length} more member(s)`,
        };
        for (const userId of newcomers) result.set(userId, full);
        return result;
      }
    }
    if (newcomers.length === 0) return result;
    const joining: NewMember[] = newcomers.map((userId) => ({
      userId,
      role: 'member',
      event: this.outbox.prepare('member.joined', ctx, gc.group.groupId, { userId, role: 'member', how }),
    }));
    const inserted = await this.members.insert(gc.key, gc.group.type, joining, new Date());
    const duplicates = inserted.value;
    // Joined concurrently by another path: give their places back.
    await this.rosters.releaseSlots(gc.key, duplicates.size);
    for (const { userId } of joining) result.set(userId, duplicates.has(userId) ? alreadyMember(gc, userId) : null);
    await this.outbox.commit(inserted);
    return result;
  }

  async admitOne(ctx: RequestContext, gc: GroupContext, userId: string, how: JoinHow): Promise<void> {
    const refusal = (await this.admit(ctx, gc, [userId], how)).get(userId);
    if (refusal) throw DomainError.fromPayload(refusal);
  }
}

/** Names the group: a join by code or QR learns which group the user is already in. */
function alreadyMember(gc: GroupContext, userId: string): ErrorPayload {
  return {
    code: 'already_member',
    message: `user ${userId} is already a member of group ${gc.group.groupId}`,
    details: { groupId: gc.group.groupId },
  };
}
