import type { KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';

import { BusClient } from '@cohort/bus';
import { SessionCommands } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { Injectable } from '@nestjs/common';

import { unauthorized } from '../../auth/token-errors';
import type { RegisteredApp } from '../../tenancy/apps.registry';
import { AppsRegistry } from '../../tenancy/apps.registry';
import { ed25519PublicKey } from './mixin-signed-token';

/** Whose a session is: the app, the user, the key its requests are verified with, and whether it is the app's bot. */
export interface KnownSession {
  app: RegisteredApp;
  userId: string;
  key: KeyObject;
  isBot: boolean;
}

/** Sessions remembered per gateway (a session's key never changes): the most recent ones. */
const REMEMBERED = 100_000;

/**
 * Finds the session a signed request names: an app's configured bot, or a user session
 * registered with membership (`POST /users`). A signed token names no app, so each app's registry
 * is asked (once per session: a session's key never changes, so what was found is kept).
 */
@Injectable()
export class MixinSessions {
  private readonly known = new Map<string, KnownSession>();

  constructor(
    private readonly apps: AppsRegistry,
    private readonly bus: BusClient,
  ) {}

  async resolve(userId: string, sessionId: string): Promise<KnownSession> {
    const session = this.known.get(sessionId) ?? this.bot(sessionId) ?? (await this.registered(userId, sessionId));
    if (session.userId !== userId) throw unauthorized('the session belongs to another user');
    this.remember(sessionId, session);
    return session;
  }

  private bot(sessionId: string): KnownSession | undefined {
    const app = this.apps.all().find((candidate) => candidate.mixin?.botSessionId === sessionId);
    return app?.mixin
      ? { app, userId: app.mixin.botUserId, key: ed25519PublicKey(app.mixin.botPublicKey), isBot: true }
      : undefined;
  }

  private async registered(userId: string, sessionId: string): Promise<KnownSession> {
    const found = await Promise.all(
      this.apps.all().map(async (app) => {
        const ctx = {
          caller: { appId: app.appId, userId: null, isAppAdmin: true },
          requestId: `session-${randomUUID()}`,
        };
        try {
          const session = await this.bus.send(SessionCommands.find, ctx, { userId, sessionId });
          return { app, userId: session.userId, key: ed25519PublicKey(session.publicKey), isBot: false };
        } catch (error) {
          if (isDomainError(error) && error.code === 'not_found') return undefined;
          throw error;
        }
      }),
    );
    const session = found.find((candidate) => candidate !== undefined);
    if (!session) throw unauthorized('unknown session');
    return session;
  }

  private remember(sessionId: string, session: KnownSession): void {
    if (this.known.has(sessionId)) return;
    this.known.set(sessionId, session);
    if (this.known.size > REMEMBERED) this.known.delete(this.known.keys().next().value as string);
  }
}
