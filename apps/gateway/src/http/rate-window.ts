import { DomainError } from '@cohort/errors';

export interface Budget {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export interface BudgetRule {
  key: string;
  limit: number;
}

export interface ReplicaCounts {
  second: number;
  counts: Record<string, number>;
}

/** Pure bookkeeping of one-second windows: sharing the counts is the limiter's job. */
export class RateWindow {
  private second = 0;
  private counts = new Map<string, number>();
  private changed = false;

  constructor(private readonly othersCount: (second: number, key: string) => number) {}

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

  /** null: nothing new to share. */
  takeChanges(): ReplicaCounts | null {
    if (!this.changed) return null;
    this.changed = false;
    return { second: this.second, counts: Object.fromEntries(this.counts) };
  }
}

export const rateLimited = (family: string, budget: Budget) =>
  new DomainError('rate_limited', `rate limit of ${budget.limit} requests per second exceeded for ${family}`, {
    retryAfterSeconds: budget.resetSeconds,
  });
