import { keysetQuery, toKeysetPage } from './keyset';

describe('keyset paging', () => {
  const order = { timeField: 'at', idField: 'userId', direction: 1 as const };

  it('starts without a filter and sorts by (time, id)', () => {
    expect(keysetQuery(order)).toEqual({ filter: {}, sort: { at: 1, userId: 1 } });
  });

  it('continues strictly after the cursor, ids breaking ties', () => {
    const { filter } = keysetQuery(order, { at: 1000, id: 'u5' });
    expect(filter).toEqual({ $or: [{ at: { $gt: new Date(1000) } }, { at: new Date(1000), userId: { $gt: 'u5' } }] });
    const newestFirst = keysetQuery({ ...order, direction: -1 }, { at: 1000, id: 'u5' });
    expect(newestFirst.sort).toEqual({ at: -1, userId: -1 });
    expect(JSON.stringify(newestFirst.filter)).toContain('$lt');
  });

  it('returns a next cursor only when one more item was fetched', () => {
    const rows = [1, 2, 3].map((n) => ({ at: n, id: `r${n}` }));
    expect(toKeysetPage(rows, 2, (r) => r)).toEqual({ items: rows.slice(0, 2), next: { at: 2, id: 'r2' } });
    expect(toKeysetPage(rows, 3, (r) => r)).toEqual({ items: rows, next: null });
  });
});
