import { randomUUID } from 'node:crypto';

import type { RequestContext } from '@cohort/bus';
import type { FindSessionCommand, RegisterSessionCommand, SessionKeyView, UserSessionView } from '@cohort/contracts';
import { DomainError, invalidParameter } from '@cohort/errors';
import { Injectable } from '@nestjs/common';

import { SessionRepository } from './session.repository';

const ED25519_PUBLIC_KEY_BYTES = 32;

/**
 * Users' sessions: the app creates a user with the public half of a key pair the client
 * generated, and the client signs every request with the private half. Membership keeps them
 * because a group's members are listed with their sessions.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly sessions: SessionRepository) {}

  async register(ctx: RequestContext, { fullName, publicKey }: RegisterSessionCommand): Promise<UserSessionView> {
    assertApp(ctx, 'create users');
    return this.sessions.insert(ctx.caller.appId, {
      userId: randomUUID(),
      sessionId: randomUUID(),
      fullName,
      publicKey: normalizedKey(publicKey),
    });
  }

  async find(ctx: RequestContext, { userId, sessionId }: FindSessionCommand): Promise<SessionKeyView> {
    assertApp(ctx, 'read session keys');
    const session = await this.sessions.find(ctx.caller.appId, userId, sessionId);
    if (!session) throw new DomainError('not_found', `no session ${sessionId} of user ${userId}`);
    return session;
  }
}

function assertApp(ctx: RequestContext, what: string): void {
  if (!ctx.caller.isAppAdmin) throw new DomainError('forbidden', `only the app may ${what}`);
}

/** Standard or URL-safe base64, padded or not, as base64url without padding; 32 bytes or refused. */
function normalizedKey(publicKey: string): string {
  const bytes = Buffer.from(publicKey.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== ED25519_PUBLIC_KEY_BYTES)
    throw invalidParameter('publicKey', `must be ${ED25519_PUBLIC_KEY_BYTES} bytes (an Ed25519 public key)`);
  return bytes.toString('base64url');
}
