import { DomainError } from '@cohort/errors';
import { rateLimitRefusals } from '@cohort/observability';
import { Injectable } from '@nestjs/common';

/** Per source address, and per client id (all addresses together). */
const FREE_FAILURES = { address: 5, client: 20 } as const;
/** Each failure past the free ones doubles it from 1 s. */
const MAX_BACKOFF_SECONDS = 300;
const FORGET_AFTER_MS = 15 * 60_000;
/** The oldest go first: a flood of addresses cannot grow memory without bound. */
const MAX_ENTRIES = 100_000;

interface Failures {
  count: number;
  last: number;
  blockedUntil: number;
}

const LOGIN_REFUSAL = { family: 'login' } as const;

/** Answered 429 without checking the secret; counted per gateway process (docs/security.md). */
@Injectable()
export class LoginThrottle {
  private readonly failures = { address: new Map<string, Failures>(), client: new Map<string, Failures>() };

  assertMayTry(clientId: string, address: string, now = Date.now()): void {
    const waitMs = Math.max(this.blockedFor('address', address, now), this.blockedFor('client', clientId, now));
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      rateLimitRefusals.inc(LOGIN_REFUSAL);
      throw new DomainError('rate_limited', `too many failed logins: retry in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
  }

  failed(clientId: string, address: string, now = Date.now()): void {
    this.count('address', address, now);
    this.count('client', clientId, now);
  }

  succeeded(clientId: string, address: string): void {
    this.failures.address.delete(address);
    this.failures.client.delete(clientId);
  }

  private blockedFor(kind: keyof typeof FREE_FAILURES, key: string, now: number): number {
    const entry = this.failures[kind].get(key);
    return entry ? entry.blockedUntil - now : 0;
  }

  private count(kind: keyof typeof FREE_FAILURES, key: string, now: number): void {
    const entries = this.failures[kind];
    const previous = entries.get(key);
    const count = previous && now - previous.last < FORGET_AFTER_MS ? previous.count + 1 : 1;
    const excess = count - FREE_FAILURES[kind];
    const backoffMs = excess > 0 ? Math.min(MAX_BACKOFF_SECONDS, 2 ** (excess - 1)) * 1000 : 0;
    entries.delete(key);
    entries.set(key, { count, last: now, blockedUntil: now + backoffMs });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
}
