import { createHash } from 'node:crypto';

import { NatsConnectionHolder } from '@cohort/bus';
import { DomainError } from '@cohort/errors';
import { Injectable } from '@nestjs/common';
import type { KV } from 'nats';

import { CLOCK_SKEW_SECONDS, MAX_TOKEN_SECONDS } from './mixin-signed-token';

/** A JetStream key-value bucket of the token ids seen, each kept as long as a token can live. */
const BUCKET = 'cohort_mixin_token_ids';
const KEPT_MS = (MAX_TOKEN_SECONDS + 2 * CLOCK_SKEW_SECONDS) * 1000;
/** JetStream's "wrong last sequence": the key exists already. */
const KEY_EXISTS = 10071;

/**
 * Refuses a signed token used twice (replay), across every gateway replica: the first use of a
 * (session, token id) creates its key in a shared bucket, atomically; a second finds it there.
 */
@Injectable()
export class MixinReplays {
  private bucket: Promise<KV> | null = null;

  constructor(private readonly holder: NatsConnectionHolder) {}

  /** True the first time (session, token id) is seen within a token's lifetime. */
  async firstUse(sessionId: string, tokenId: string): Promise<boolean> {
    const kv = await this.kv();
    try {
      await kv.create(`${sessionId}.${createHash('sha256').update(tokenId).digest('hex')}`, new Uint8Array(0));
      return true;
    } catch (error) {
      if ((error as { api_error?: { err_code?: number } }).api_error?.err_code === KEY_EXISTS) return false;
      throw new DomainError('unavailable', `cannot record the token id: ${String(error)}`);
    }
  }

  private kv(): Promise<KV> {
    this.bucket ??= this.holder
      .get()
      .then((nc) => nc.jetstream().views.kv(BUCKET, { ttl: KEPT_MS, history: 1 }))
      .catch((error: unknown) => {
        this.bucket = null;
        throw new DomainError('unavailable', `the token id bucket is unavailable: ${String(error)}`);
      });
    return this.bucket;
  }
}
