import { IsString, Length, Matches } from 'class-validator';

import { declareCommand, replyType } from '../declare';
import { UUID_PATTERN } from '../limits';

/** An Ed25519 public key (32 bytes) in standard or URL-safe base64, padded or not. */
const ED25519_PUBLIC_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** A new user with one session whose key signs their requests (the app only). */
export class RegisterSessionCommand {
  @IsString()
  @Length(1, 512)
  fullName!: string;

  @Matches(ED25519_PUBLIC_KEY, { message: '$property must be an Ed25519 public key in base64' })
  publicKey!: string;
}

export class FindSessionCommand {
  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  userId!: string;

  @Matches(UUID_PATTERN, { message: '$property must be a UUID' })
  sessionId!: string;
}

/** A registered user and their session (the private key never reaches Cohort). */
export interface UserSessionView {
  userId: string;
  sessionId: string;
  fullName: string;
  /** ms since epoch */
  createdAt: number;
}

/** What verifies a session's signed requests: its Ed25519 public key, base64url without padding. */
export interface SessionKeyView {
  userId: string;
  sessionId: string;
  publicKey: string;
}

/** Users' sessions (their signed requests), kept by membership next to who is in which group. */
export const SessionCommands = {
  register: declareCommand('membership.sessions.register', RegisterSessionCommand, replyType<UserSessionView>()),
  /** The session's public key (the app only: the gateway verifying a request); `not_found` when unknown. */
  find: declareCommand('membership.sessions.find', FindSessionCommand, replyType<SessionKeyView>()),
};
