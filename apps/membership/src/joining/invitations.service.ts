import type { RequestContext } from '@cohort/bus';
import {
  type ErrorPayload,
  type HandleInvitationCommand,
  InvitationStatus,
  type InvitationView,
  type InviteCommand,
  type ItemResult,
  type JoinOutcome,
  Limits,
  type ListInvitationsCommand,
  type Page,
} from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { actingUser, assertAdmin, assertCanInvite } from '@cohort/group-access';
import { PeerFacts } from '@cohort/group-access';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Outbox, Written } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { GroupContextLoader } from '../members/group-context.loader';
import { AdmissionService } from './admission.service';
import { InvitationRepository } from './invitation.repository';

/** The inviter an app admin invites as when it names no user. */
export const APP_ADMIN_INVITER = 'app-admin';

/** Invitations: admins (members too with `memberInvite`) invite; the invitee accepts or declines. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly loader: GroupContextLoader,
    private readonly invitations: InvitationRepository,
    private readonly admission: AdmissionService,
    private readonly facts: PeerFacts,
    private readonly outbox: Outbox,
  ) {}

  async invite(ctx: RequestContext, { groupId, userIds, reason = '' }: InviteCommand): Promise<ItemResult[]> {
    const gc = await this.loader.load(ctx, groupId, userIds);
    assertCanInvite(gc);
    const inviterId = ctx.caller.userId ?? APP_ADMIN_INVITER;
    const blocked = await this.facts.blockedAmong(
      ctx,
      groupId,
      userIds.filter((id) => !gc.members.has(id)),
    );
    const refusal = (userId: string): ErrorPayload | null => {
      if (gc.members.has(userId))
        return { code: 'already_member', message: `user ${userId} is already a member of group ${groupId}` };
      if (blocked.has(userId)) return { code: 'blocked', message: `user ${userId} is blocked from group ${groupId}` };
      return null;
    };
    const expiresAt = new Date(Date.now() + Limits.requestTtlMs);
    const invites = [...new Set(userIds)]
      .filter((inviteeId) => !refusal(inviteeId))
      .map((inviteeId) => ({
        inviteeId,
        event: this.outbox.prepare('invitation.created', ctx, groupId, {
          inviteeId,
          inviterId,
          reason,
          expiresAt: expiresAt.getTime(),
        }),
      }));
    await this.outbox.commit(await this.invitations.upsertPending(gc.key, inviterId, invites, reason, expiresAt));
    return userIds.map((userId) => {
      const refused = refusal(userId);
      return refused ? { userId, ok: false, error: refused } : { userId, ok: true };
    });
  }

  /** Accepting claims them first (answered once), then joins; a refused join puts them back. */
  async handle(
    ctx: RequestContext,
    { groupId, inviterId, accept }: HandleInvitationCommand,
  ): Promise<{ outcome: JoinOutcome }> {
    const gc = await this.loader.load(ctx, groupId);
    const inviteeId = actingUser(ctx.caller, 'answer an invitation', gc);
    const pending = await this.invitations.findPending(gc.key, inviteeId, inviterId);
    const claims = [];
    for (const { inviterId } of pending) {
      const event = this.outbox.prepare('invitation.handled', ctx, groupId, { inviteeId, inviterId, accepted: accept });
      const written = await this.invitations.claim(
        gc.key,
        inviteeId,
        inviterId,
        accept ? InvitationStatus.Accepted : InvitationStatus.Declined,
        event,
      );
      if (written.value) claims.push({ inviterId, eventId: event.eventId, written });
    }
    if (claims.length === 0) throw new DomainError('not_found', `no pending invitation to group ${groupId}`);
    if (accept && !gc.members.has(inviteeId)) {
      try {
        await this.admission.admitOne(ctx, gc, inviteeId, 'invited');
      } catch (error) {
        await Promise.all(claims.map((c) => this.invitations.unclaim(gc.key, inviteeId, c.inviterId, c.eventId)));
        throw error;
      }
    }
    await this.outbox.commit(Written.all(claims.map((c) => c.written)));
    return { outcome: accept ? 'joined' : 'declined' };
  }

  async list(ctx: RequestContext, { groupId, cursor, limit }: ListInvitationsCommand): Promise<Page<InvitationView>> {
    const after = decodeCursor(cursor);
    let scope: { groupId: string } | { inviteeId: string };
    if (groupId) {
      assertAdmin(await this.loader.load(ctx, groupId), 'list the group’s invitations');
      scope = { groupId };
    } else {
      scope = { inviteeId: actingUser(ctx.caller, 'list received invitations') };
    }
    const [page, total] = await Promise.all([
      this.invitations.page(ctx.caller.appId, scope, limit, after),
      this.invitations.count(ctx.caller.appId, scope),
    ]);
    return { items: page.items, cursor: encodeCursor(page.next), total };
  }
}
