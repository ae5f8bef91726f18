import { type BudgetRule, RateWindow } from './rate-window';

const appRule = (limit: number): BudgetRule => ({ key: 'a group:info', limit });
const userRule = (user: string, limit: number): BudgetRule => ({ key: `a group:info ${user}`, limit });

describe('RateWindow (the rate limit’s counting)', () => {
  it('allows N calls per second per budget, then refuses until the next second, with the budget to show', () => {
    const window = new RateWindow(() => 0);
    expect(window.admit([appRule(2)], 10_000)).toEqual({
      admitted: true,
      budget: { limit: 2, remaining: 1, resetSeconds: 1 },
    });
    expect(window.admit([appRule(2)], 10_100).admitted).toBe(true);
    expect(window.admit([appRule(2)], 10_200)).toEqual({
      admitted: false,
      budget: { limit: 2, remaining: 0, resetSeconds: 1 },
    });
    expect(window.admit([{ key: 'a group:settings', limit: 2 }], 10_200).admitted).toBe(true);
    expect(window.admit([appRule(2)], 11_000).admitted).toBe(true);
  });

  it("gives each user a share, so one user's burst leaves the app's budget to the others", () => {
    const window = new RateWindow(() => 0);
    const byUser = (user: string) => window.admit([appRule(100), userRule(user, 20)], 5_000);
    const greedy = Array.from({ length: 41 }, () => byUser('greedy').admitted);
    expect(greedy.filter(Boolean)).toHaveLength(20);
    const others = Array.from({ length: 20 }, () => byUser('other'));
    expect(others.every((answer) => answer.admitted)).toBe(true);
    // The tightest budget is the one shown: the user's share here.
    expect(others[19].budget).toEqual({ limit: 20, remaining: 0, resetSeconds: 1 });
  });

  it('adds what the other replicas reported for the same second, and shares its own changes once', () => {
    const reported = new Map([['a group:info', 3]]);
    const window = new RateWindow((_second, key) => reported.get(key) ?? 0);
    expect(window.admit([appRule(4)], 7_000).admitted).toBe(true);
    expect(window.admit([appRule(4)], 7_001).admitted).toBe(false);
    expect(window.takeChanges()).toEqual({ second: 7, counts: { 'a group:info': 1 } });
    expect(window.takeChanges()).toBeNull();
  });
});
