import { MIN_SECRET_LENGTH } from '@cohort/config';
import { Limits, UUID_PATTERN } from '@cohort/contracts';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

import { IsSafeEd25519PublicKey } from '../dialects/mixin/session-key';

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The app's Mixin bot (`mixin` in an app's config, validated on its own): requests signed by this
 * session are the app admin's (Mixin's SDKs sign every request with a session key; the bot
 * creates the app's users with `POST /users`).
 */
export class MixinBotConfig {
  @Matches(UUID_PATTERN, { message: '$property must be a lower-case UUID' }) botUserId!: string;
  @Matches(UUID_PATTERN, { message: '$property must be a lower-case UUID' }) botSessionId!: string;
  /** The bot session's Ed25519 public key, base64 or base64url (32 bytes). */
  @IsSafeEd25519PublicKey({
    message: '$property must be an Ed25519 public key in base64 (a valid point, not of small order)',
  })
  botPublicKey!: string;
}

/** One key an app's JWTs are signed or verified with: the token's header names it by `kid`. */
export class JwtKeyConfig {
  @Matches(NAME) kid!: string;
  /** At least 32 characters: 32 random bytes in base64url or hex, say (`openssl rand -base64 32`). */
  @IsString() @MinLength(MIN_SECRET_LENGTH) secret!: string;
}

/** An app's own rate limits, per endpoint family and second (absent: RATE_LIMIT_PER_SECOND / RATE_LIMIT_PER_USER_PER_SECOND). */
export class AppRateLimits {
  /** The whole app's budget. */
  @IsOptional() @IsInt() @Min(1) perSecond?: number;
  /** The share of one user (requests made as a user; the app's own requests have only the app's budget). */
  @IsOptional() @IsInt() @Min(1) perUserPerSecond?: number;
}

/**
 * One tenant, as configured (APPS_JSON / APPS_FILE, or the default demo app). Its nested settings
 * are validated on their own (NESTED_SETTINGS): the builder of the API reference reads this class.
 */
export class AppConfig {
  @Matches(NAME) appId!: string;
  @Matches(NAME) orgName!: string;
  @Matches(NAME) appName!: string;
  @IsString() @MinLength(1) clientId!: string;
  @IsString() @MinLength(8) clientSecret!: string;
  /** The most members a group or chatroom of this app may be given (Easemob `maxusers`); default 10,000. */
  @IsOptional() @IsInt() @Min(1) @Max(Limits.capacityCeiling) maxCapacity?: number;
  /**
   * The capacity of a group created without one (`/group` create, Mixin conversations, Easemob
   * without `maxusers`), as the vendors' consoles set it; default 1,000, at most maxCapacity.
   */
  @IsOptional() @IsInt() @Min(1) @Max(Limits.capacityCeiling) defaultCapacity?: number;
}

/** The capacity ceiling of an app: its config's, or the default. */
export function capacityCeilingOf(app: AppConfig): number {
  return app.maxCapacity ?? Limits.maxCapacity;
}

/**
 * The capacity of a new group of the app that names none: the app's default, grown to fit the
 * `members` it is created with (the owner included), never above the app's ceiling (beyond it the
 * groups service refuses the members).
 */
export function newGroupCapacityOf(app: AppConfig, members = 1): number {
  const ceiling = capacityCeilingOf(app);
  return Math.min(ceiling, Math.max(app.defaultCapacity ?? Limits.defaultCapacity, members));
}

export const DEFAULT_APP: AppConfig = {
  appId: 'demo',
  orgName: 'demo',
  appName: 'demo',
  clientId: 'demo',
  clientSecret: 'demo-secret',
};

/** An app's settings beyond its names and secret, each validated by its own class. */
export interface AppNestedSettings {
  /** Its Mixin bot, if it has one. */
  mixin?: MixinBotConfig;
  /**
   * The keys of the app's JWTs, never its client secret: the first signs new tokens, all verify
   * (keep a replaced key listed until the tokens it signed expire; drop it to revoke them all).
   * Required in production; elsewhere an app without keys gets a random one per process.
   */
  jwtKeys?: JwtKeyConfig[];
  rateLimits?: AppRateLimits;
}
