import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';

import { actingCaller } from '../../auth/acting-caller';
import { tokenFromHeaders } from '../../auth/bearer';
import { type TokenIdentity, TokenService } from '../../auth/token.service';
import { unauthorized } from '../../auth/token-errors';
import type { Authenticated, CohortRequest } from '../../http/cohort-request';
import { rawBodyOf } from '../../http/json-body';
import { MixinReplays } from './mixin-replays';
import { MixinSessions } from './mixin-sessions';
import { checkSignedToken, isSignedToken, parseSignedToken } from './mixin-signed-token';

/**
 * Resolves the caller of a Mixin call. Mixin's SDKs sign every request with a session key
 * (`Authorization: Bearer <EdDSA JWT>`): the session must be known and belong to `uid`, the
 * signature, times, scope and `sig` (the request's digest) must hold, and the token must not have
 * been used before. The app's bot session is the app admin; another session is its user. Cohort's
 * own tokens work too, with the act-as `user_id` query parameter for an app token.
 */
@Injectable()
export class MixinAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: MixinSessions,
    private readonly replays: MixinReplays,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const token = tokenFromHeaders(request.headers, false);
    if (!token) throw unauthorized('missing Authorization: Bearer');
    const actAs = (request.query as Record<string, unknown> | undefined)?.user_id;
    request.cohort = isSignedToken(token)
      ? await this.signed(token, request, actAs)
      : withCaller(this.tokens.verify(token), actAs);
    return true;
  }

  private async signed(token: string, request: CohortRequest, actAs: unknown): Promise<Authenticated> {
    const parsed = parseSignedToken(token);
    const session = await this.sessions.resolve(parsed.claims.uid, parsed.claims.sid);
    checkSignedToken(parsed, session.key, { method: request.method, url: request.url, body: rawBodyOf(request) });
    // Last: a token refused for another reason does not use up its id.
    if (!(await this.replays.firstUse(parsed.claims.sid, parsed.claims.jti)))
      throw unauthorized('token already used (replay)');
    const identity: TokenIdentity = {
      app: session.app,
      userId: session.isBot ? null : session.userId,
      isAppAdmin: session.isBot,
    };
    return withCaller(identity, actAs);
  }
}

const withCaller = (identity: TokenIdentity, actAs: unknown): Authenticated => ({
  app: identity.app,
  caller: actingCaller(identity, actAs),
});
