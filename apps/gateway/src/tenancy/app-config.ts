import { MIN_SECRET_LENGTH } from '@cohort/config';
import { Limits, UUID_PATTERN } from '@cohort/contracts';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

import { IsSafeEd25519PublicKey } from '../dialects/mixin/session-key';

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Requests signed by this session are the app admin's; the bot creates the app's users with `POST /users`. */
export class MixinBotConfig {
  @Matches(UUID_PATTERN, { message: '$property must be a lower-case UUID' }) botUserId!: string;
  @Matches(UUID_PATTERN, { message: '$property must be a lower-case UUID' }) botSessionId!: string;
  /** Base64 or base64url, 32 bytes. */
  @IsSafeEd25519PublicKey({
    message: '$property must be an Ed25519 public key in base64 (a valid point, not of small order)',
  })
  botPublicKey!: string;
}

export class JwtKeyConfig {
  @Matches(NAME) kid!: string;
  /** `openssl rand -base64 32`, say. */
  @IsString() @MinLength(MIN_SECRET_LENGTH) secret!: string;
}

export class AppRateLimits {
  @IsOptional() @IsInt() @Min(1) perSecond?: number;
  /** Requests made as the app have only the app's budget. */
  @IsOptional() @IsInt() @Min(1) perUserPerSecond?: number;
}

/** Nested settings are validated on their own (NESTED_SETTINGS): the builder of the API reference reads this class. */
export class AppConfig {
  @Matches(NAME) appId!: string;
  @Matches(NAME) orgName!: string;
  @Matches(NAME) appName!: string;
  @IsString() @MinLength(1) clientId!: string;
  @IsString() @MinLength(8) clientSecret!: string;
  @IsOptional() @IsInt() @Min(1) @Max(Limits.capacityCeiling) maxCapacity?: number;
  /** As the vendors' consoles set it; at most maxCapacity. */
  @IsOptional() @IsInt() @Min(1) @Max(Limits.capacityCeiling) defaultCapacity?: number;
}

export function capacityCeilingOf(app: AppConfig): number {
  return app.maxCapacity ?? Limits.maxCapacity;
}

/** Never above the app's ceiling: beyond it the groups service refuses the members. */
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

export interface AppNestedSettings {
  mixin?: MixinBotConfig;
  /** The first signs, all verify: keep a replaced key until its tokens expire; drop it to revoke them all. */
  jwtKeys?: JwtKeyConfig[];
  rateLimits?: AppRateLimits;
}
