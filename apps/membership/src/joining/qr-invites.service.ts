import { createHmac, timingSafeEqual } from 'node:crypto';

import type { RequestContext } from '@cohort/bus';
import { groupKeyOf, Limits, type QrInviteView, type RedeemQrCommand } from '@cohort/contracts';
import { DomainError, invalidParameter } from '@cohort/errors';
import { actingUser, assertCanInvite } from '@cohort/group-access';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { MembershipEnv } from '../config/membership.config';
import { GroupContextLoader } from '../members/group-context.loader';
import { RosterRepository } from '../roster/roster.repository';
import type { GroupContext } from '../rules/membership.policy';
import { AdmissionService } from './admission.service';
import { APP_ADMIN_INVITER } from './invitations.service';

/** `code`: a digest of the group's invite code when it was signed. */
interface QrClaims {
  app: string;
  group: string;
  inviter: string;
  created: number;
  expires: number;
  code: string;
}

/**
 * Nothing is stored: the token is the invite, honoured only while its signer could still sign it
 * and while the group's invite code is the one it was signed under (rotating it revokes them all).
 */
@Injectable()
export class QrInvitesService {
  private readonly secret: string;

  constructor(
    private readonly loader: GroupContextLoader,
    private readonly admission: AdmissionService,
    private readonly rosters: RosterRepository,
    config: ConfigService<MembershipEnv, true>,
  ) {
    this.secret = config.get('QR_SECRET', { infer: true });
  }

  async sign(ctx: RequestContext, { groupId }: { groupId: string }): Promise<QrInviteView> {
    assertCanInvite(await this.loader.load(ctx, groupId));
    const code = await this.codeDigest(ctx, groupId);
    const created = Date.now();
    const claims: QrClaims = {
      app: ctx.caller.appId,
      group: groupId,
      inviter: ctx.caller.userId ?? APP_ADMIN_INVITER,
      created,
      expires: created + Limits.qrTtlMs,
      code,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.signature(payload)}`, createdAt: created, expiresAt: claims.expires };
  }

  async redeem(ctx: RequestContext, { token }: RedeemQrCommand): Promise<{ groupId: string }> {
    const claims = this.verify(token, ctx.caller.appId);
    if (claims.expires <= Date.now())
      throw invalidParameter('token', `the QR invite expired at ${new Date(claims.expires).toISOString()}`);
    const [gc, code] = await Promise.all([
      this.loader.load(ctx, claims.group, [claims.inviter]),
      this.codeDigest(ctx, claims.group),
    ]);
    if (claims.code !== code) throw revoked('the group rotated its invite code since');
    this.assertSignerMayStillInvite(gc, claims.inviter);
    const userId = actingUser(ctx.caller, 'redeem a QR invite', gc);
    await this.admission.admitOne(ctx, gc, userId, 'qr');
    return { groupId: claims.group };
  }

  private assertSignerMayStillInvite(gc: GroupContext, inviter: string): void {
    if (inviter === APP_ADMIN_INVITER) return;
    const signer = gc.members.get(inviter);
    try {
      assertCanInvite({ group: gc.group, role: signer?.role ?? null });
    } catch {
      throw revoked('its signer may no longer invite to this group');
    }
  }

  /** Not the code itself: a QR invite must not reveal it. */
  private async codeDigest(ctx: RequestContext, groupId: string): Promise<string> {
    const roster = await this.rosters.find(groupKeyOf(ctx, groupId));
    if (!roster) throw new DomainError('group_not_found', `group ${groupId} does not exist`);
    return createHmac('sha256', this.secret)
      .update(`invite-code:${roster.inviteCode}`)
      .digest('base64url')
      .slice(0, 16);
  }

  private verify(token: string, appId: string): QrClaims {
    const [payload, signature, extra] = token.split('.');
    const invalid = invalidParameter('token', 'is not a valid QR invite');
    if (!payload || !signature || extra !== undefined) throw invalid;
    const expected = Buffer.from(this.signature(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as QrClaims;
    // Genuine but for another app: the same answer as a forgery (apps never see each other).
    if (claims.app !== appId) throw invalid;
    return claims;
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

const revoked = (why: string) => new DomainError('forbidden', `the QR invite was revoked: ${why}`);
