import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { Limits, UUID_PATTERN } from '@cohort/contracts';

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
  @Matches(/^[A-Za-z0-9+/_-]{43}=?$/, { message: '$property must be an Ed25519 public key in base64' }) botPublicKey!: string;
}

/** One tenant, as configured (APPS_JSON / APPS_FILE, or the default demo app). */
export class AppConfig {
  @Matches(NAME) appId!: string;
  @Matches(NAME) orgName!: string;
  @Matches(NAME) appName!: string;
  @IsString() @MinLength(1) clientId!: string;
  @IsString() @MinLength(8) clientSecret!: string;
  /** Key the app's JWTs are signed with; defaults to the client secret. */
  @IsOptional() @IsString() @MinLength(16) jwtSecret?: string;
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
