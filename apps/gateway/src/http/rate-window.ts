import { DomainError } from '@cohort/errors';

/** What a caller sees of a budget: the X-RateLimit-* headers. */
export interface Budget {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/** One budget a request counts against: its key and its limit per second. */
export interface BudgetRule {
  key: string;
  limit: number;
}

/** This replica's counts of one window, as it shares them with the others. */
export interface ReplicaCounts {
  second: number;
  counts: Record<string, number>;
}

/**
 * Fixed one-second windows counted here, plus what the other replicas last reported for the same
 * second (`othersCount`): a request is admitted when every budget it counts against has room, and
 * then counts in all of them. Pure bookkeeping: sharing the counts is the limiter's job.
 */
export class RateWindow {
  private second = 0;
  private counts = new Map<string, number>();
  private changed = false;

  constructor(private readonly othersCount: (second: number, key: string) => number) {}

  /** Admits (and counts) or refuses a request against `rules`; answers the tightest budget either way. */
  admit(rules: BudgetRule[], now: number): { admitted: boolean; budget: Budget } {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.counts = new Map();
    }
    const resetSeconds = Math.max(1, Math.ceil(((second + 1) * 1000 - now) / 1000));
    const used = rules.map((rule) => ({
      rule,
      used: (this.counts.get(rule.key) ?? 0) + this.othersCount(second, rule.key),
    }));
    const admitted = used.every(({ rule, used: count }) => count < rule.limit);
    if (admitted) {
      for (const { rule } of used) this.counts.set(rule.key, (this.counts.get(rule.key) ?? 0) + 1);
      this.changed = true;
    }
    const tightest = used
      .map(({ rule, used: count }) => ({
        limit: rule.limit,
        remaining: Math.max(0, rule.limit - count - (admitted ? 1 : 0)),
      }))
      .reduce((a, b) => (b.remaining < a.remaining ? b : a));
    return { admitted, budget: { ...tightest, resetSeconds } };
  }

  /** This window's counts if they changed since the last call (null: nothing new to share). */
  takeChanges(): ReplicaCounts | null {
    if (!this.changed) return null;
    this.changed = false;
    return { second: this.second, counts: Object.fromEntries(this.counts) };
  }
}

/** The refusal of a request over budget: 429 with Retry-After (the window's end). */
export const rateLimited = (family: string, budget: Budget) =>
  new DomainError('rate_limited', `rate limit of ${budget.limit} requests per second exceeded for ${family}`, {
    retryAfterSeconds: budget.resetSeconds,
  });
