import type { RequestContext } from '@cohort/bus';
import {
  type ApplyCommand,
  ApprovalPolicy,
  type HandleJoinRequestCommand,
  type JoinOutcome,
  JoinRequestStatus,
  type JoinRequestView,
  Limits,
  type ListJoinRequestsCommand,
  type Page,
} from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { actingUser, assertAdmin, isAdminRole, roleOf } from '@cohort/group-access';
import { PeerFacts } from '@cohort/group-access';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { GroupContextLoader } from '../members/group-context.loader';
import { MemberRepository } from '../members/member.repository';
import { AdmissionService } from './admission.service';
import { JoinRequestRepository } from './join-request.repository';

/** Join requests: the group's approval policy lets them in at once, makes them wait for an admin, or refuses them. */
@Injectable()
export class JoinRequestsService {
  constructor(
    private readonly loader: GroupContextLoader,
    private readonly requests: JoinRequestRepository,
    private readonly members: MemberRepository,
    private readonly admission: AdmissionService,
    private readonly facts: PeerFacts,
    private readonly outbox: Outbox,
  ) {}

  async apply(ctx: RequestContext, { groupId, reason = '' }: ApplyCommand): Promise<{ outcome: JoinOutcome }> {
    const gc = await this.loader.load(ctx, groupId);
    const applicantId = actingUser(ctx.caller, 'apply', gc);
    const policy = gc.group.settings.applyApproval;
    if (policy === ApprovalPolicy.Closed)
      throw new DomainError('forbidden', `group ${groupId} does not accept join requests`);
    if (policy === ApprovalPolicy.Open) {
      await this.admission.admitOne(ctx, gc, applicantId, 'applied');
      return { outcome: 'joined' };
    }
    if (gc.members.has(applicantId) || applicantId === gc.group.ownerId)
      throw new DomainError('already_member', `user ${applicantId} is already a member of group ${groupId}`);
    if ((await this.facts.blockedAmong(ctx, groupId, [applicantId])).has(applicantId)) {
      throw new DomainError('blocked', `user ${applicantId} is blocked from group ${groupId}`);
    }
    const expiresAt = new Date(Date.now() + Limits.requestTtlMs);
    const event = this.outbox.prepare('join_request.created', ctx, groupId, {
      applicantId,
      reason,
      expiresAt: expiresAt.getTime(),
    });
    await this.outbox.commit(await this.requests.upsertPending(gc.key, applicantId, reason, expiresAt, event));
    return { outcome: 'pending' };
  }

  /** Approving claims the request first (so it is decided once); a refused admission puts it back. */
  async handle(
    ctx: RequestContext,
    { groupId, applicantId, approve }: HandleJoinRequestCommand,
  ): Promise<{ outcome: JoinOutcome }> {
    const gc = await this.loader.load(ctx, groupId, [applicantId]);
    assertAdmin(gc, 'handle join requests');
    const event = this.outbox.prepare('join_request.handled', ctx, groupId, { applicantId, approved: approve });
    const claimed = await this.requests.claim(
      gc.key,
      applicantId,
      approve ? JoinRequestStatus.Approved : JoinRequestStatus.Rejected,
      ctx.caller.userId,
      event,
    );
    if (!claimed.value)
      throw new DomainError('not_found', `no pending join request of user ${applicantId} to group ${groupId}`);
    if (approve && !gc.members.has(applicantId)) {
      try {
        await this.admission.admitOne(ctx, gc, applicantId, 'applied');
      } catch (error) {
        await this.requests.unclaim(gc.key, applicantId, event.eventId);
        throw error;
      }
    }
    await this.outbox.commit(claimed);
    return { outcome: approve ? 'joined' : 'rejected' };
  }

  async list(
    ctx: RequestContext,
    { groupIds, cursor, limit }: ListJoinRequestsCommand,
  ): Promise<Page<JoinRequestView>> {
    const after = decodeCursor(cursor);
    const unique = [...new Set(groupIds)];
    const administered = ctx.caller.userId
      ? [...(await this.members.findUserIn(ctx.caller.appId, unique, ctx.caller.userId)).values()]
          .filter((m) => isAdminRole(roleOf(ctx.caller, m.role)))
          .map((m) => m.groupId)
      : unique;
    if (administered.length === 0) {
      if (unique.length === 1) assertAdmin(await this.loader.load(ctx, unique[0]), 'list join requests');
      return { items: [], cursor: null, total: 0 };
    }
    const [page, total] = await Promise.all([
      this.requests.page(ctx.caller.appId, administered, limit, after),
      this.requests.count(ctx.caller.appId, administered),
    ]);
    return { items: page.items, cursor: encodeCursor(page.next), total };
  }
}
