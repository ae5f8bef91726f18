import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Limits, type QrInviteView, type RedeemQrCommand } from '@cohort/contracts';
import type { RequestContext } from '@cohort/bus';
import { invalidParameter } from '@cohort/errors';
import type { MembershipEnv } from '../config/membership.config';
import { GroupContextLoader } from '../members/group-context.loader';
import { actingUser, assertCanInvite } from '../members/membership.policy';
import { AdmissionService } from './admission.service';
import { APP_ADMIN_INVITER } from './invitations.service';

/** What a QR invite names: app, group, inviter, created and expiry times (ms). */
interface QrClaims {
  app: string;
  group: string;
  inviter: string;
  created: number;
  expires: number;
}

/**
 * QR invites: `<payload>.<signature>`, both base64url, the signature an HMAC-SHA256 of the payload
 * with the service's QR_SECRET. Nothing is stored: the token is the invite.
 */
@Injectable()
export class QrInvitesService {
  private readonly secret: string;

  constructor(
    private readonly loader: GroupContextLoader,
    private readonly admission: AdmissionService,
    config: ConfigService<MembershipEnv, true>,
  ) {
    this.secret = config.get('QR_SECRET', { infer: true });
  }

  /** Admins sign; members too when `member_invite` is on. */
  async sign(ctx: RequestContext, { groupId }: { groupId: string }): Promise<QrInviteView> {
    assertCanInvite(await this.loader.load(ctx, groupId));
    const created = Date.now();
    const claims: QrClaims = { app: ctx.caller.appId, group: groupId, inviter: ctx.caller.userId ?? APP_ADMIN_INVITER, created, expires: created + Limits.qrTtlMs };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.signature(payload)}`, createdAt: created, expiresAt: claims.expires };
  }

  /** Joins the caller to the group the token names, if the token is genuine, of this app, and unexpired. */
  async redeem(ctx: RequestContext, { token }: RedeemQrCommand): Promise<{ groupId: string }> {
    const claims = this.verify(token, ctx.caller.appId);
    if (claims.expires <= Date.now()) throw invalidParameter('token', `the QR invite expired at ${new Date(claims.expires).toISOString()}`);
    const gc = await this.loader.load(ctx, claims.group);
    const userId = actingUser(ctx.caller, 'redeem a QR invite', gc);
    await this.admission.admitOne(ctx, gc, userId, 'qr');
    return { groupId: claims.group };
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

