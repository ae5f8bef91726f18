import { NatsConnectionHolder } from '@cohort/bus';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { GatewayEnv } from '../config/gateway.config';
import { WatchedBucket } from '../replica-state/watched-bucket';

export const TOKEN_REVOCATIONS_BUCKET = 'cohort_token_revocations';

/** A KV key holds only [-/_=.a-zA-Z0-9]: user ids (`alice@x:1`) go in as hex. */
const userKey = (appId: string, userId: string) => `${appId}.user.${Buffer.from(userId, 'utf8').toString('hex')}`;
const appKey = (appId: string) => `${appId}.app`;

/** Every gateway mirrors the bucket by a watch, so a check is a local map read; an entry expires a minute after the longest token it can concern. */
@Injectable()
export class TokenRevocations implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TokenRevocations.name);
  private readonly bucket: WatchedBucket<number>;

  constructor(holder: NatsConnectionHolder, config: ConfigService<GatewayEnv, true>) {
    this.bucket = new WatchedBucket(
      holder,
      TOKEN_REVOCATIONS_BUCKET,
      config.get('JWT_TTL_SECONDS', { infer: true }) * 1000 + 60_000,
    );
  }

  /** The gateway does not wait for NATS to start. */
  onModuleInit(): void {
    void this.bucket
      .open()
      .catch((error: unknown) =>
        this.logger.error(`revocations unavailable: ${error instanceof Error ? error.message : String(error)}`),
      );
  }

  onModuleDestroy(): void {
    this.bucket.close();
  }

  /** 0: none is. */
  notBefore(appId: string, userId: string | null): number {
    const app = this.bucket.get(appKey(appId)) ?? 0;
    return userId === null ? app : Math.max(app, this.bucket.get(userKey(appId, userId)) ?? 0);
  }

  async revokeApp(appId: string, now = Date.now()): Promise<number> {
    await this.bucket.put(appKey(appId), now);
    return now;
  }

  async revokeUser(appId: string, userId: string, now = Date.now()): Promise<number> {
    await this.bucket.put(userKey(appId, userId), now);
    return now;
  }
}
